import { AppError } from '../errors/app-error.js';

/**
 * Exports per user and minute (security E: 429, not 500). An export reads a whole list, so a few a
 * minute serve anyone at a desk while a script pulling the customer base over and over is stopped.
 * Kept in process memory like the search and login limits: several servers each allow the budget.
 */
export class ExportThrottle {
  private readonly starts = new Map<string, number[]>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one export of the user, or refuses with 429 and the seconds until the next is allowed. */
  take(user: { orgId: string; userId: string }): void {
    if (this.perMinute === 0) return;
    const key = `${user.orgId}:${user.userId}`;
    const now = this.now();
    const recent = (this.starts.get(key) ?? []).filter((at) => now - at < 60_000);
    if (recent.length >= this.perMinute) {
      const seconds = Math.max(1, Math.ceil((recent[0]! + 60_000 - now) / 1000));
      this.starts.set(key, recent);
      throw new AppError('rate_limited', 'error.rateLimited', { params: { seconds }, retryAfterSeconds: seconds });
    }
    recent.push(now);
    this.starts.set(key, recent);
    if (this.starts.size > 10_000) this.forgetIdle(now);
  }

  private forgetIdle(now: number): void {
    for (const [key, times] of this.starts) if (times.every((at) => now - at >= 60_000)) this.starts.delete(key);
  }
}

/**
 * Login throttling per account and per IP (security C2): after a few failures within the window
 * further attempts wait, with a delay that grows but never locks anyone out for good.
 * Kept in process memory: it protects this server's login endpoint, it stores no business data.
 */
export interface LoginThrottleOptions {
  maxFailuresPerAccount: number;
  maxFailuresPerIp: number;
  windowMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

interface Entry {
  failures: number;
  firstAt: number;
  blockedUntil: number;
}

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();
  constructor(
    private readonly options: LoginThrottleOptions = {
      maxFailuresPerAccount: 5,
      maxFailuresPerIp: 30,
      windowMs: 15 * 60_000,
      baseDelayMs: 30_000,
      maxDelayMs: 15 * 60_000,
    },
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds to wait before another attempt, or 0 when allowed. */
  retryAfterSeconds(username: string, ip: string): number {
    const t = this.now();
    const waits = [this.entries.get(`u:${username.toLowerCase()}`), this.entries.get(`i:${ip}`)]
      .map((e) => (e && e.blockedUntil > t ? e.blockedUntil - t : 0));
    return Math.ceil(Math.max(...waits) / 1000);
  }

  recordFailure(username: string, ip: string): void {
    this.bump(`u:${username.toLowerCase()}`, this.options.maxFailuresPerAccount);
    this.bump(`i:${ip}`, this.options.maxFailuresPerIp);
  }

  recordSuccess(username: string): void {
    this.entries.delete(`u:${username.toLowerCase()}`);
  }

  private bump(key: string, limit: number): void {
    const t = this.now();
    let entry = this.entries.get(key);
    if (!entry || t - entry.firstAt > this.options.windowMs) {
      entry = { failures: 0, firstAt: t, blockedUntil: 0 };
      this.entries.set(key, entry);
    }
    entry.failures++;
    if (entry.failures >= limit) {
      const over = entry.failures - limit;
      const delay = Math.min(this.options.baseDelayMs * 2 ** over, this.options.maxDelayMs);
      entry.blockedUntil = t + delay;
    }
    if (this.entries.size > 100_000) this.evictOld(t);
  }

  private evictOld(t: number): void {
    for (const [key, entry] of this.entries) {
      if (t - entry.firstAt > this.options.windowMs && entry.blockedUntil < t) this.entries.delete(key);
    }
  }
}

/**
 * Login throttling (security C2, D10). Three counters, none of which lets one client lock
 * somebody else out for long:
 * - per account and client address: whoever guesses an account's password is slowed down on that
 *   account, while its owner signing in from their own address is not;
 * - per client address across accounts: one address trying many accounts;
 * - per account from every address: a backstop against guessing spread over many addresses, with
 *   a much higher threshold and a short block, which does not apply to an address that has signed
 *   in to the account before.
 * Nothing is permanent: blocks end, counters start again after the window. Unknown and existing
 * accounts are counted alike, so the answers do not tell them apart.
 * Kept in process memory: it protects this server's login endpoint, it stores no business data.
 */
export interface LoginThrottleOptions {
  maxFailuresPerAccountAndIp: number;
  maxFailuresPerIp: number;
  /** The distributed-guessing backstop; far above the per-address limits. */
  maxFailuresPerAccount: number;
  windowMs: number;
  /** First wait of the per-address limits, doubled at each further failure up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** The backstop's wait: short, because it also stops the account's owner on a new address. */
  accountBlockMs: number;
  /** How long a successful sign-in exempts that address from the account's backstop. */
  knownAddressMs: number;
}

/**
 * What makes two login attempts target the same account: the login name within its organization,
 * in any letter case. Login names contain no `@`, so the first `@` separates the two parts.
 */
export function loginAccountKey(organizationCode: string, username: string): string {
  return `${username.toLowerCase()}@${organizationCode.toLowerCase()}`;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleOptions = {
  maxFailuresPerAccountAndIp: 5,
  maxFailuresPerIp: 30,
  maxFailuresPerAccount: 50,
  windowMs: 15 * 60_000,
  baseDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
  accountBlockMs: 60_000,
  knownAddressMs: 30 * 24 * 3600_000,
};

interface Entry {
  failures: number;
  firstAt: number;
  blockedUntil: number;
}

const MAX_ENTRIES = 100_000;

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();
  /** `account \0 ip` → until when that address counts as the account owner's. */
  private readonly knownAddresses = new Map<string, number>();

  constructor(
    private readonly options: LoginThrottleOptions = DEFAULT_LOGIN_THROTTLE,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds to wait before another attempt on `account` (a loginAccountKey) from `ip`, or 0. */
  retryAfterSeconds(account: string, ip: string): number {
    const t = this.now();
    const keys = [pairKey(account, ip), `i:${ip}`];
    if (!this.isKnownAddress(account, ip, t)) keys.push(`g:${account}`);
    const waits = keys.map((key) => {
      const entry = this.entries.get(key);
      return entry && entry.blockedUntil > t ? entry.blockedUntil - t : 0;
    });
    return Math.ceil(Math.max(...waits) / 1000);
  }

  recordFailure(account: string, ip: string): void {
    const { maxFailuresPerAccountAndIp, maxFailuresPerIp, maxFailuresPerAccount, accountBlockMs } = this.options;
    this.bump(pairKey(account, ip), maxFailuresPerAccountAndIp, (over) => this.growingDelay(over));
    this.bump(`i:${ip}`, maxFailuresPerIp, (over) => this.growingDelay(over));
    this.bump(`g:${account}`, maxFailuresPerAccount, () => accountBlockMs);
  }

  /** The address proved it knows the password: its own counter ends, the backstop spares it. */
  recordSuccess(account: string, ip: string): void {
    const t = this.now();
    const key = pairKey(account, ip);
    this.entries.delete(key);
    // Re-inserted so the map's order stays oldest-first for eviction.
    this.knownAddresses.delete(key);
    this.knownAddresses.set(key, t + this.options.knownAddressMs);
    if (this.knownAddresses.size > MAX_ENTRIES) this.evictKnownAddresses();
  }

  private isKnownAddress(account: string, ip: string, t: number): boolean {
    return (this.knownAddresses.get(pairKey(account, ip)) ?? 0) > t;
  }

  private growingDelay(over: number): number {
    return Math.min(this.options.baseDelayMs * 2 ** over, this.options.maxDelayMs);
  }

  private bump(key: string, limit: number, delayFor: (over: number) => number): void {
    const t = this.now();
    let entry = this.entries.get(key);
    if (!entry || t - entry.firstAt > this.options.windowMs) {
      entry = { failures: 0, firstAt: t, blockedUntil: 0 };
      this.entries.set(key, entry);
    }
    entry.failures++;
    if (entry.failures >= limit) entry.blockedUntil = t + delayFor(entry.failures - limit);
    if (this.entries.size > MAX_ENTRIES) this.evictOld(t);
  }

  private evictOld(t: number): void {
    for (const [key, entry] of this.entries) {
      if (t - entry.firstAt > this.options.windowMs && entry.blockedUntil < t) this.entries.delete(key);
    }
  }

  /** Oldest sign-ins go first; an evicted address only loses its exemption from the backstop. */
  private evictKnownAddresses(): void {
    for (const key of this.knownAddresses.keys()) {
      if (this.knownAddresses.size <= MAX_ENTRIES / 2) break;
      this.knownAddresses.delete(key);
    }
  }
}

// An address never contains \0, so the last \0 splits the key unambiguously.
const pairKey = (account: string, ip: string) => `a:${account}\0${ip}`;

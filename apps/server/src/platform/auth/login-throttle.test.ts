import { describe, expect, it } from 'vitest';
import { LoginThrottle, loginAccountKey, type LoginThrottleOptions } from './login-throttle.js';

const options: LoginThrottleOptions = {
  maxFailuresPerAccountAndIp: 3,
  maxFailuresPerIp: 5,
  maxFailuresPerAccount: 12,
  windowMs: 10 * 60_000,
  baseDelayMs: 30_000,
  maxDelayMs: 5 * 60_000,
  accountBlockMs: 60_000,
  knownAddressMs: 24 * 3600_000,
};

function throttleWithClock() {
  const clock = { now: 1_700_000_000_000 };
  const throttle = new LoginThrottle(options, () => clock.now);
  return { throttle, clock };
}

describe('login throttle (security C2, D10)', () => {
  it('lets an address try an account until the limit, then asks that address to wait', () => {
    const { throttle } = throttleWithClock();
    for (let i = 0; i < 2; i++) {
      throttle.recordFailure(loginAccountKey('acme', 'zhang'), '10.0.0.1');
      expect(throttle.retryAfterSeconds(loginAccountKey('acme', 'zhang'), '10.0.0.1')).toBe(0);
    }
    throttle.recordFailure(loginAccountKey('acme', 'zhang'), '10.0.0.1');
    expect(throttle.retryAfterSeconds(loginAccountKey('acme', 'zhang'), '10.0.0.1')).toBe(30);
  });

  it('an address failing on an account does not stop the account from another address, nor the address on other accounts', () => {
    const { throttle } = throttleWithClock();
    for (let i = 0; i < 4; i++) throttle.recordFailure(loginAccountKey('acme', 'Zhang'), '10.0.0.1');
    expect(throttle.retryAfterSeconds(loginAccountKey('acme', 'ZHANG'), '10.0.0.1')).toBeGreaterThan(0);
    expect(throttle.retryAfterSeconds(loginAccountKey('acme', 'zhang'), '10.0.0.2')).toBe(0);
    expect(throttle.retryAfterSeconds(loginAccountKey('acme', 'li'), '10.0.0.1')).toBe(0);
  });

  it('one login name in two organizations is two accounts; letter case does not matter', () => {
    const { throttle } = throttleWithClock();
    for (let i = 0; i < 3; i++) throttle.recordFailure(loginAccountKey('Acme', 'Zhang'), '10.0.0.1');
    expect(throttle.retryAfterSeconds(loginAccountKey('acme', 'zhang'), '10.0.0.1')).toBeGreaterThan(0);
    expect(throttle.retryAfterSeconds(loginAccountKey('other', 'zhang'), '10.0.0.1')).toBe(0);
  });

  it('counts an address across accounts', () => {
    const { throttle } = throttleWithClock();
    for (let i = 0; i < 5; i++) throttle.recordFailure(loginAccountKey('acme', `user${i}`), '10.0.0.7');
    expect(throttle.retryAfterSeconds(loginAccountKey('acme', 'someone-new'), '10.0.0.7')).toBe(30);
    expect(throttle.retryAfterSeconds(loginAccountKey('acme', 'someone-new'), '10.0.0.8')).toBe(0);
  });

  it('guessing one account from many addresses hits the backstop: a short block, for every address but known ones', () => {
    const { throttle, clock } = throttleWithClock();
    throttle.recordSuccess(loginAccountKey('acme', 'sun'), '10.0.9.9');
    for (let i = 0; i < 11; i++) throttle.recordFailure(loginAccountKey('acme', 'sun'), `10.1.0.${i}`);
    expect(throttle.retryAfterSeconds(loginAccountKey('acme', 'sun'), '10.2.0.1')).toBe(0);
    throttle.recordFailure(loginAccountKey('acme', 'sun'), '10.1.0.11');
    expect(throttle.retryAfterSeconds(loginAccountKey('acme', 'sun'), '10.2.0.1')).toBe(60);
    // The owner's usual address is spared; other accounts are untouched.
    expect(throttle.retryAfterSeconds(loginAccountKey('acme', 'sun'), '10.0.9.9')).toBe(0);
    expect(throttle.retryAfterSeconds(loginAccountKey('acme', 'zhou'), '10.2.0.1')).toBe(0);
    clock.now += 60_000;
    expect(throttle.retryAfterSeconds(loginAccountKey('acme', 'sun'), '10.2.0.1')).toBe(0);
  });

  it('never locks out for good: the wait ends, grows on repeated failure, and is capped', () => {
    const { throttle, clock } = throttleWithClock();
    const waits: number[] = [];
    for (let round = 0; round < 8; round++) {
      throttle.recordFailure(loginAccountKey('acme', 'wang'), '10.0.1.1');
      const wait = throttle.retryAfterSeconds(loginAccountKey('acme', 'wang'), '10.0.1.1');
      if (wait > 0) {
        waits.push(wait);
        clock.now += wait * 1000;
        expect(throttle.retryAfterSeconds(loginAccountKey('acme', 'wang'), '10.0.1.1')).toBe(0);
      }
    }
    expect(waits[0]).toBe(30);
    expect(waits[1]).toBe(60);
    expect(Math.max(...waits)).toBeLessThanOrEqual(options.maxDelayMs / 1000);
  });

  it('forgets old failures after the window', () => {
    const { throttle, clock } = throttleWithClock();
    throttle.recordFailure(loginAccountKey('acme', 'zhao'), '10.0.2.1');
    throttle.recordFailure(loginAccountKey('acme', 'zhao'), '10.0.2.1');
    clock.now += options.windowMs + 1;
    throttle.recordFailure(loginAccountKey('acme', 'zhao'), '10.0.2.1');
    expect(throttle.retryAfterSeconds(loginAccountKey('acme', 'zhao'), '10.0.2.1')).toBe(0);
  });

  it('a successful login clears that address’s counter for the account', () => {
    const { throttle } = throttleWithClock();
    throttle.recordFailure(loginAccountKey('acme', 'qian'), '10.0.3.1');
    throttle.recordFailure(loginAccountKey('acme', 'qian'), '10.0.3.1');
    throttle.recordSuccess(loginAccountKey('acme', 'qian'), '10.0.3.1');
    throttle.recordFailure(loginAccountKey('acme', 'qian'), '10.0.3.1');
    expect(throttle.retryAfterSeconds(loginAccountKey('acme', 'qian'), '10.0.3.1')).toBe(0);
  });
});

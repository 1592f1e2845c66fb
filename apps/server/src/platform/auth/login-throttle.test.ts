import { describe, expect, it } from 'vitest';
import { LoginThrottle, type LoginThrottleOptions } from './login-throttle.js';

const options: LoginThrottleOptions = {
  maxFailuresPerAccount: 3,
  maxFailuresPerIp: 5,
  windowMs: 10 * 60_000,
  baseDelayMs: 30_000,
  maxDelayMs: 5 * 60_000,
};

function throttleWithClock() {
  const clock = { now: 1_700_000_000_000 };
  const throttle = new LoginThrottle(options, () => clock.now);
  return { throttle, clock };
}

describe('login throttle (security C2)', () => {
  it('lets an account try until the limit, then asks it to wait', () => {
    const { throttle } = throttleWithClock();
    for (let i = 0; i < 2; i++) {
      throttle.recordFailure('zhang', '10.0.0.1');
      expect(throttle.retryAfterSeconds('zhang', '10.0.0.1')).toBe(0);
    }
    throttle.recordFailure('zhang', '10.0.0.1');
    expect(throttle.retryAfterSeconds('zhang', '10.0.0.1')).toBe(30);
  });

  it('counts an account across IPs and usernames case-insensitively', () => {
    const { throttle } = throttleWithClock();
    throttle.recordFailure('Zhang', '10.0.0.1');
    throttle.recordFailure('ZHANG', '10.0.0.2');
    throttle.recordFailure('zhang', '10.0.0.3');
    expect(throttle.retryAfterSeconds('zhang', '10.0.0.99')).toBe(30);
    expect(throttle.retryAfterSeconds('li', '10.0.0.1')).toBe(0);
  });

  it('counts an IP across accounts', () => {
    const { throttle } = throttleWithClock();
    for (let i = 0; i < 5; i++) throttle.recordFailure(`user${i}`, '10.0.0.7');
    expect(throttle.retryAfterSeconds('someone-new', '10.0.0.7')).toBe(30);
    expect(throttle.retryAfterSeconds('someone-new', '10.0.0.8')).toBe(0);
  });

  it('never locks out for good: the wait ends, grows on repeated failure, and is capped', () => {
    const { throttle, clock } = throttleWithClock();
    const waits: number[] = [];
    for (let round = 0; round < 8; round++) {
      throttle.recordFailure('wang', '10.0.1.1');
      const wait = throttle.retryAfterSeconds('wang', '10.0.1.1');
      if (wait > 0) {
        waits.push(wait);
        clock.now += wait * 1000;
        expect(throttle.retryAfterSeconds('wang', '10.0.1.1')).toBe(0);
      }
    }
    expect(waits[0]).toBe(30);
    expect(waits[1]).toBe(60);
    expect(Math.max(...waits)).toBeLessThanOrEqual(options.maxDelayMs / 1000);
  });

  it('forgets old failures after the window', () => {
    const { throttle, clock } = throttleWithClock();
    throttle.recordFailure('zhao', '10.0.2.1');
    throttle.recordFailure('zhao', '10.0.2.1');
    clock.now += options.windowMs + 1;
    throttle.recordFailure('zhao', '10.0.2.1');
    expect(throttle.retryAfterSeconds('zhao', '10.0.2.1')).toBe(0);
  });

  it('a successful login clears the account counter', () => {
    const { throttle } = throttleWithClock();
    throttle.recordFailure('qian', '10.0.3.1');
    throttle.recordFailure('qian', '10.0.3.1');
    throttle.recordSuccess('qian');
    throttle.recordFailure('qian', '10.0.3.1');
    expect(throttle.retryAfterSeconds('qian', '10.0.3.1')).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { fastifyTrustProxy } from './trust-proxy.js';

const trustProxyOf = (value: string | undefined) =>
  loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).trustProxy;

describe('TRUST_PROXY setting (security D10)', () => {
  it('trusts no proxy unless told', () => {
    expect(trustProxyOf(undefined)).toBe(false);
    expect(trustProxyOf('')).toBe(false);
    expect(trustProxyOf('false')).toBe(false);
    expect(trustProxyOf('0')).toBe(false);
  });

  it('accepts a hop count, true, named ranges and lists of addresses and CIDR ranges', () => {
    expect(trustProxyOf('1')).toBe(1);
    expect(trustProxyOf('TRUE')).toBe(true);
    expect(trustProxyOf('loopback')).toEqual(['loopback']);
    expect(trustProxyOf('10.0.0.0/8, 192.168.1.1,::1, fd00::/8,uniquelocal')).toEqual([
      '10.0.0.0/8',
      '192.168.1.1',
      '::1',
      'fd00::/8',
      'uniquelocal',
    ]);
  });

  it('stops the start naming TRUST_PROXY and the part it did not understand', () => {
    for (const [value, culprit] of [
      ['yes', '"yes"'],
      ['10.0.0.0/33', '"10.0.0.0/33"'],
      ['10.0.0.1, 300.1.1.1', '"300.1.1.1"'],
      ['10.0.0.1,', '""'],
      ['::1/129', '"::1/129"'],
      ['-1', '"-1"'],
      ['1000', '1000'],
    ] as const) {
      expect(() => trustProxyOf(value), value).toThrow(/TRUST_PROXY/);
      expect(() => trustProxyOf(value), value).toThrow(culprit);
    }
  });

  it('a hop count trusts exactly that many addresses nearest the server', () => {
    const trust = fastifyTrustProxy(2);
    expect(typeof trust).toBe('function');
    if (typeof trust !== 'function') return;
    expect([0, 1, 2].map((hop) => trust('10.0.0.1', hop))).toEqual([true, true, false]);
  });
});

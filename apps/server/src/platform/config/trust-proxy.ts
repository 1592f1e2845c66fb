import { isIP } from 'node:net';

/**
 * Which reverse proxies may report the client's address (`X-Forwarded-For`) and protocol
 * (`X-Forwarded-Proto`), parsed from `TRUST_PROXY` (security D10):
 * `false` trusts none, `true` every peer, a number that many hops, a list the peers whose
 * address is in it (IPs, CIDRs and proxy-addr's names `loopback`, `linklocal`, `uniquelocal`).
 */
export type TrustProxy = boolean | number | string[];

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (version === 4 ? 32 : 128);
}

/** Returns the setting, or a message naming the variable for the start-up error list. */
export function parseTrustProxy(value: string | undefined): { value: TrustProxy } | { error: string } {
  const text = (value ?? '').trim().toLowerCase();
  if (text === '' || text === 'false') return { value: false };
  if (text === 'true') return { value: true };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops === 0) return { value: false };
    return hops <= 100 ? { value: hops } : { error: `TRUST_PROXY: a hop count must be at most 100, got ${value}` };
  }
  const entries = text.split(',').map((entry) => entry.trim());
  const invalid = entries.filter((entry) => !isAddressOrRange(entry));
  if (invalid.length > 0) {
    return {
      error:
        `TRUST_PROXY: expected false, true, a hop count or a comma-separated list of IP addresses, ` +
        `CIDR ranges or loopback/linklocal/uniquelocal; not understood: ${invalid.map((e) => JSON.stringify(e)).join(', ')}`,
    };
  }
  return { value: entries };
}

/**
 * The setting as Fastify's `trustProxy` option. Fastify 5 ignores a bare hop count (it cannot
 * check the immediate peer), so a count becomes the equivalent trust function: the nearest
 * `hops` addresses of the chain are proxies. Like `true`, that only holds while the server's
 * port is reachable through the proxy alone (see docs/operations.md).
 */
export function fastifyTrustProxy(
  setting: TrustProxy,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting !== 'number') return setting;
  return (_address, hop) => hop < setting;
}

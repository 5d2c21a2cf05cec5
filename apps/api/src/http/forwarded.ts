import { BlockList, isIP } from 'node:net';

/**
 * Which origin (scheme and host) a request is served under: the one origin written into
 * links, JSON-LD and feeds. In order:
 * 1. PUBLIC_ORIGIN, when set: nothing the client sends can change it;
 * 2. X-Forwarded-Proto / X-Forwarded-Host, only when the connection comes from an address
 *    in TRUSTED_PROXY, and only when they are well-formed;
 * 3. the connection itself: https when it is TLS, else http, and the Host header.
 */

export interface ProxyEntry {
  address: string;
  prefix: number | undefined;
  family: 'ipv4' | 'ipv6';
}

/** `10.0.0.1`, `10.0.0.0/8`, `::1`, `fd00::/8` → an entry; anything else → null. */
export function parseProxyEntry(text: string): ProxyEntry | null {
  const [address = '', prefixText, ...rest] = text.split('/');
  if (rest.length) return null;
  const version = isIP(address);
  if (version === 0) return null;
  const family = version === 4 ? 'ipv4' : 'ipv6';
  if (prefixText === undefined) return { address, prefix: undefined, family };
  if (!/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  if (prefix > (version === 4 ? 32 : 128)) return null;
  return { address, prefix, family };
}

export type ProxyTrust = (remoteAddress: string | undefined) => boolean;

/** A test of the connection's address against TRUSTED_PROXY's entries. */
export function proxyTrust(entries: readonly string[]): ProxyTrust {
  if (entries.length === 0) return () => false;
  const list = new BlockList();
  for (const text of entries) {
    const entry = parseProxyEntry(text);
    if (!entry) throw new Error(`Not an IP address or CIDR range: ${text}`);
    if (entry.prefix === undefined) list.addAddress(entry.address, entry.family);
    else list.addSubnet(entry.address, entry.prefix, entry.family);
  }
  return (remote) => {
    if (!remote) return false;
    // An IPv4 peer on a dual-stack socket shows as ::ffff:a.b.c.d.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(remote)?.[1];
    const address = mapped ?? remote;
    const version = isIP(address);
    return version !== 0 && list.check(address, version === 4 ? 'ipv4' : 'ipv6');
  };
}

/**
 * host[:port]: a DNS name (underscores allowed, as container service names have them), an
 * IPv4 address or a bracketed IPv6 address.
 */
const HOST =
  /^(?:[a-z0-9_](?:[a-z0-9_-]{0,62}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,62}[a-z0-9_])?)*\.?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;
export const isValidHost = (host: string): boolean => host.length <= 255 && HOST.test(host);

export interface RequestFacts {
  remoteAddress: string | undefined;
  encrypted: boolean;
  host: string | undefined;
  forwardedProto: string | undefined;
  forwardedHost: string | undefined;
}

export interface OriginPolicy {
  publicOrigin: string | undefined;
  trusted: ProxyTrust;
}

/** The first value of a header that a chain of proxies may have turned into a list. */
const first = (value: string | undefined) => value?.split(',')[0]?.trim() || undefined;

/**
 * The request's origin as `{ proto, host }`, or null when the request names no valid host
 * (a 400: there is nothing to build a link from).
 */
export function requestOrigin(
  facts: RequestFacts,
  policy: OriginPolicy,
): { proto: 'http' | 'https'; host: string } | null {
  if (policy.publicOrigin) {
    const url = new URL(policy.publicOrigin);
    return { proto: url.protocol === 'https:' ? 'https' : 'http', host: url.host };
  }
  let proto: 'http' | 'https' = facts.encrypted ? 'https' : 'http';
  let host = facts.host;
  if (policy.trusted(facts.remoteAddress)) {
    const fp = first(facts.forwardedProto)?.toLowerCase();
    if (fp === 'http' || fp === 'https') proto = fp;
    const fh = first(facts.forwardedHost);
    if (fh && isValidHost(fh)) host = fh;
  }
  if (!host || !isValidHost(host)) return null;
  return { proto, host: host.toLowerCase() };
}

/**
 * The client's address: the connection's, unless it comes from a trusted proxy; then the
 * nearest address in X-Forwarded-For that is not itself a trusted proxy (read from the right,
 * since each proxy appends the address it saw and only the trusted ones can be believed).
 * Anything malformed in the list stops the walk at the last address believed.
 */
export function clientAddress(
  remoteAddress: string | undefined,
  forwardedFor: string | undefined,
  trusted: ProxyTrust,
): string {
  let address = remoteAddress ?? 'unknown';
  if (!trusted(remoteAddress) || !forwardedFor) return address;
  const hops = forwardedFor.split(',').map((h) => h.trim());
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (isIP(hop) === 0) return address;
    address = hop;
    if (!trusted(hop)) return hop;
  }
  return address;
}

/**
 * Who the client is, for rate limits and per-reader mock state: the socket's address, or, only
 * when the connection comes from a listed reverse proxy, the right-most address in
 * `X-Forwarded-For` that is not itself a listed proxy. IPv6 clients are grouped by /64, since one
 * subscriber usually holds a whole /64.
 */
import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** Reverse proxies whose `X-Forwarded-For` is believed, as parsed ranges. */
export type TrustedProxies = readonly (readonly [Address, number])[];

/** True for dotted-quad IPv4 or IPv6 text (not the old `1.2.3` or hexadecimal IPv4 forms). */
function isAddressText(text: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(text) || ipaddr.IPv6.isValid(text);
}

/** Parses an address, unwrapping IPv4-mapped IPv6 (`::ffff:1.2.3.4`) to IPv4; null if invalid. */
function parseAddress(text: string): Address | null {
  if (!isAddressText(text)) return null;
  const parsed = ipaddr.parse(text);
  return parsed instanceof ipaddr.IPv6 && parsed.isIPv4MappedAddress()
    ? parsed.toIPv4Address()
    : parsed;
}

/**
 * Parses a comma-separated list of addresses and CIDR ranges (`10.0.0.0/8, ::1`). Throws an
 * error naming the first item that is neither.
 */
export function parseTrustedProxies(text: string): TrustedProxies {
  const ranges: (readonly [Address, number])[] = [];
  for (const item of text.split(',').map((s) => s.trim())) {
    if (item === '') continue;
    if (item.includes('/')) {
      try {
        if (!isAddressText(item.slice(0, item.indexOf('/')))) throw new Error(item);
        const [range, bits] = ipaddr.parseCIDR(item);
        ranges.push([range, bits]);
        continue;
      } catch {
        throw new Error(`"${item}" is not a valid CIDR range`);
      }
    }
    const address = parseAddress(item);
    if (address === null) throw new Error(`"${item}" is not an IP address or CIDR range`);
    ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
  }
  return ranges;
}

/** True when `address` falls in one of the ranges. */
function isTrusted(address: Address, trusted: TrustedProxies): boolean {
  return trusted.some(
    ([range, bits]) => range.kind() === address.kind() && address.match(range, bits),
  );
}

/** The key a client is counted under: IPv4 as is, IPv6 as its /64 prefix. */
function groupKey(address: Address): string {
  if (address.kind() === 'ipv4') return address.toString();
  const prefix = ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/64`);
  return `${prefix.toString()}/64`;
}

/**
 * The key of the client behind a connection: `socketAddress` unless it is a trusted proxy; then
 * the right-most `X-Forwarded-For` hop that is not trusted (stopping at the first entry that is
 * not an address). Unparsable socket addresses are returned as they are.
 */
export function clientKey(
  socketAddress: string,
  forwardedFor: string | null,
  trusted: TrustedProxies,
): string {
  let client = parseAddress(socketAddress);
  if (client === null) return socketAddress;
  if (forwardedFor !== null && isTrusted(client, trusted)) {
    const hops = forwardedFor.split(',').map((hop) => hop.trim());
    for (let i = hops.length - 1; i >= 0; i -= 1) {
      const hop = parseAddress(hops[i] ?? '');
      if (hop === null) break;
      client = hop;
      if (!isTrusted(hop, trusted)) break;
    }
  }
  return groupKey(client);
}

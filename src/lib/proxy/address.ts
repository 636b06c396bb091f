import ipaddr from 'ipaddr.js';

const LOOPBACK_HOSTS = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/** True for hosts that name this machine: `localhost`, 127.0.0.0/8 and `[::1]`. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.test(hostname);
}

/**
 * True unless `address` is an ordinary public unicast address. Works as an allowlist of ranges:
 * private, loopback, link-local (cloud metadata), CGNAT, multicast, reserved, and every IPv6 form
 * that embeds IPv4 (IPv4-mapped, 6to4, NAT64 64:ff9b::/96 and 64:ff9b:1::/48, Teredo) are refused.
 * Anything unparsable is refused too.
 */
export function isForbiddenAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return true;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && isNat64Local(parsed as ipaddr.IPv6)) return true;
  return parsed.range() !== 'unicast';
}

// 64:ff9b:1::/48 (RFC 8215, local-use NAT64) is not named by every ipaddr.js version.
function isNat64Local(address: ipaddr.IPv6): boolean {
  return address.match(ipaddr.IPv6.parse('64:ff9b:1::'), 48);
}

/**
 * True for 127.0.0.0/8 and ::1, the only addresses a listed loopback name may resolve to; also in
 * their IPv4-mapped form (`::ffff:127.0.0.1`), which some resolvers return for `localhost`.
 */
export function isLoopbackAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.parse(address);
  const plain =
    parsed instanceof ipaddr.IPv6 && parsed.isIPv4MappedAddress() ? parsed.toIPv4Address() : parsed;
  return plain.range() === 'loopback';
}

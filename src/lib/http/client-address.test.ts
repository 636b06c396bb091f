import { describe, expect, it } from 'vitest';
import { clientKey, parseTrustedProxies } from './client-address.ts';

const TRUSTED = parseTrustedProxies('10.0.0.0/8, 192.168.1.5, fd00::/8');

describe('clientKey', () => {
  it.each([
    ['direct client, header ignored', '203.0.113.9', '198.51.100.1', '203.0.113.9'],
    ['direct client without header', '203.0.113.9', null, '203.0.113.9'],
    ['trusted proxy, one hop', '10.1.2.3', '198.51.100.1', '198.51.100.1'],
    ['trusted proxy, spoofed left part', '10.1.2.3', '6.6.6.6, 198.51.100.1', '198.51.100.1'],
    ['chain of trusted proxies', '10.1.2.3', '198.51.100.1, 192.168.1.5, 10.9.9.9', '198.51.100.1'],
    ['garbage stops the walk', '10.1.2.3', '198.51.100.1, junk, 10.9.9.9', '10.9.9.9'],
    ['trusted proxy without header', '192.168.1.5', null, '192.168.1.5'],
    ['all hops trusted', '10.1.2.3', '10.0.0.7', '10.0.0.7'],
    ['IPv4-mapped socket address', '::ffff:203.0.113.9', null, '203.0.113.9'],
    ['IPv4-mapped trusted proxy', '::ffff:10.1.2.3', '198.51.100.1', '198.51.100.1'],
    ['IPv6 grouped by /64', '2001:db8:1:2:aaaa::1', null, '2001:db8:1:2::/64'],
    ['IPv6 behind a trusted IPv6 proxy', 'fd00::1', '2001:db8:1:2::99', '2001:db8:1:2::/64'],
    ['unparsable socket address', 'unknown', '198.51.100.1', 'unknown'],
  ])('%s', (_, socket, forwarded, expected) => {
    expect(clientKey(socket, forwarded, TRUSTED)).toBe(expected);
  });

  it('groups two addresses of one /64 and separates neighbouring /64s', () => {
    const key = (a: string) => clientKey(a, null, []);
    expect(key('2001:db8::1')).toBe(key('2001:db8::ffff:1'));
    expect(key('2001:db8::1')).not.toBe(key('2001:db8:0:1::1'));
  });
});

describe('parseTrustedProxies', () => {
  it('reads addresses and ranges, skipping empty items', () => {
    expect(parseTrustedProxies(' 127.0.0.1 ,, ::1, 10.0.0.0/8').length).toBe(3);
  });

  it.each(['10.0.0.0/33', 'proxy.example', '10.0.0.1/x', '1.2.3'])(
    'refuses %s naming it',
    (item) => {
      expect(() => parseTrustedProxies(`127.0.0.1, ${item}`)).toThrow(item);
    },
  );
});

import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from './base64.ts';

describe('base64', () => {
  it.each([
    [[], ''],
    [[0], 'AA=='],
    [[0xff, 0xfe, 0x00, 0x41], '//4AQQ=='],
    [[...new TextEncoder().encode('demo-key:demo-secret')], 'ZGVtby1rZXk6ZGVtby1zZWNyZXQ='],
  ])('%j ↔ %s', (bytes, text) => {
    expect(bytesToBase64(Uint8Array.from(bytes))).toBe(text);
    expect([...base64ToBytes(text)]).toEqual(bytes);
  });

  it('round-trips a body larger than one conversion slice', () => {
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 31) % 256);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
  });

  it('refuses text outside the alphabet', () => {
    expect(() => base64ToBytes('!!!')).toThrow();
  });
});

/**
 * Base64 between raw bytes and text without Node's Buffer, so the proxy and the mock stay
 * web-standard.
 */

/** Base64 of raw bytes, converted in slices so large bodies do not overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The bytes a base64 text stands for; throws on characters outside the base64 alphabet. */
export function base64ToBytes(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

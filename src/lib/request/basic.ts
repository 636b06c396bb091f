import type { FieldError } from './errors.ts';

/** Longest key ID and key secret accepted; real Sinch values are far shorter. */
export const MAX_KEY_ID_LENGTH = 256;
export const MAX_KEY_SECRET_LENGTH = 4096;

/** C0 controls (NUL, TAB, CR, LF, …) and DEL, which cannot travel in an HTTP header. */
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/** Human name of a control character, for error messages. */
function describeControl(value: string): string {
  const match = CONTROL_CHARACTER.exec(value);
  const code = match?.[0].charCodeAt(0) ?? 0;
  const names: Record<number, string> = { 0: 'NUL', 9: 'TAB', 10: 'LF', 13: 'CR', 127: 'DEL' };
  return names[code] ?? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Checks a key ID and key secret against RFC 7617: the key ID may not contain `:`, neither may
 * contain control characters, and both are bounded. Returns every problem, each naming its field.
 */
export function validateBasicCredentials(keyId: string, keySecret: string): FieldError[] {
  const errors: FieldError[] = [];
  if (keyId.length === 0) errors.push({ field: 'keyId', message: 'Key ID is empty.' });
  if (keyId.includes(':'))
    errors.push({
      field: 'keyId',
      message: 'Key ID contains ":", which Basic authentication uses to separate ID and secret.',
    });
  for (const [field, label, value, max] of [
    ['keyId', 'Key ID', keyId, MAX_KEY_ID_LENGTH],
    ['keySecret', 'Key secret', keySecret, MAX_KEY_SECRET_LENGTH],
  ] as const) {
    if (CONTROL_CHARACTER.test(value))
      errors.push({
        field,
        message: `${label} contains a control character (${describeControl(value)}), which cannot be sent in a header.`,
      });
    if (value.length > max)
      errors.push({ field, message: `${label} is longer than ${max} characters.` });
  }
  return errors;
}

/** Base64 of the UTF-8 bytes of a string; works in browsers and Node alike. */
export function utf8ToBase64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The `Authorization` header value for Basic credentials (RFC 7617, UTF-8). */
export function basicAuthorization(keyId: string, keySecret: string): string {
  return `Basic ${utf8ToBase64(`${keyId}:${keySecret}`)}`;
}

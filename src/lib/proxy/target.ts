import { ProxyError } from './errors.ts';

const SINCH_HOSTS = [
  'numbers.api.sinch.com',
  'auth.sinch.com',
  ...['us', 'eu', 'br'].flatMap((r) => [
    `${r}.conversation.api.sinch.com`,
    `${r}.template.api.sinch.com`,
  ]),
  'fax.api.sinch.com',
  ...['use1', 'eu1', 'sae1', 'apse1', 'apse2'].map((r) => `${r}.fax.api.sinch.com`),
  'elastic-trunking.api.sinch.com',
  'provisioning.api.sinch.com',
  'lookup.api.sinch.com',
  'us10dlc.numbers.api.sinch.com',
];

/** HTTPS origins of Sinch APIs that accept project access keys; the proxy's built-in allowlist. */
export const SINCH_ORIGINS: readonly string[] = SINCH_HOSTS.map((host) => `https://${host}`);

/** Where a checked target goes: this server's own mock (in process) or the network. */
export interface CheckedTarget {
  url: URL;
  viaMock: boolean;
}

// Control characters and spaces are silently stripped or encoded by the URL parser, hiding intent.
const UNSAFE_CHARACTERS = /[\u0000-\u0020\u007f]/;
const ENCODED_SEPARATOR = /%(2e|2f|5c)/i;

/** The raw authority of an absolute URL string: between `//` and the first `/`, `\\`, `?` or `#`. */
function rawAuthority(input: string): string {
  return /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/([^/\\?#]*)/.exec(input)?.[1] ?? '';
}

/** The raw path of an absolute URL string: everything after the authority, before `?` or `#`. */
function rawPath(input: string): string {
  const afterScheme = input.replace(/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*/, '');
  return afterScheme.split(/[?#]/, 1)[0] ?? '';
}

/**
 * Checks a target URL before anything is sent: parses it with WHATWG `URL`, refuses userinfo,
 * backslashes, dot segments and encoded separators in the raw path, then requires its origin to
 * equal an allowlisted origin exactly, or this server's own origin with a `/mock/` path.
 */
export function checkTarget(
  input: string,
  allowedOrigins: ReadonlySet<string>,
  ownOrigin: string,
): CheckedTarget {
  if (UNSAFE_CHARACTERS.test(input)) throw new ProxyError('INVALID_URL', { field: 'url' });
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new ProxyError('INVALID_URL', { field: 'url' });
  }
  if (url.username !== '' || url.password !== '' || rawAuthority(input).includes('@'))
    throw new ProxyError('URL_USERINFO', { field: 'url' });
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ProxyError('ORIGIN_NOT_ALLOWED', {
      field: 'url',
      detail: `Scheme "${url.protocol}" is not allowed.`,
    });
  const path = rawPath(input);
  if (
    input.split(/[?#]/, 1)[0]?.includes('\\') === true ||
    ENCODED_SEPARATOR.test(path) ||
    path.split('/').some((segment) => segment === '.' || segment === '..')
  )
    throw new ProxyError('URL_PATH_NOT_ALLOWED', { field: 'url' });
  if (url.origin === ownOrigin && url.pathname.startsWith('/mock/')) return { url, viaMock: true };
  if (!allowedOrigins.has(url.origin)) throw new ProxyError('ORIGIN_NOT_ALLOWED', { field: 'url' });
  return { url, viaMock: false };
}

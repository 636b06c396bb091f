import { encodePathValue } from '../request/serialise.ts';
import type { SnippetInput } from './types.ts';

/** Environment variables every target reads in `env` mode. */
export const ENV = {
  projectId: 'SINCH_PROJECT_ID',
  keyId: 'SINCH_KEY_ID',
  keySecret: 'SINCH_KEY_SECRET',
} as const;

/** The URL split around the project ID, for targets that read it from the environment. */
export interface UrlParts {
  before: string;
  after: string;
}

/**
 * Finds the project ID segment of a URL (preferring `/projects/{id}`), so that env-mode snippets
 * can splice in the variable. Null when the URL holds no project ID or the mode is inline.
 */
export function splitAtProjectId(input: SnippetInput): UrlParts | null {
  const { projectId } = input;
  if (input.credentialMode !== 'env' || !projectId) return null;
  const encoded = encodePathValue(projectId);
  const url = new URL(input.request.url);
  const origin = url.origin;
  const rest = input.request.url.slice(origin.length);
  const segments = rest.split(/(?=[/?])/);
  const matches = (i: number): boolean => segments[i] === `/${encoded}`;
  let index = segments.findIndex((_, i) => matches(i) && segments[i - 1] === '/projects');
  if (index < 0) index = segments.findIndex((_, i) => matches(i));
  if (index < 0) return null;
  return {
    before: origin + segments.slice(0, index).join('') + '/',
    after: segments.slice(index + 1).join(''),
  };
}

/** Headers to write, without any Authorization header (auth is expressed separately). */
export function plainHeaders(input: SnippetInput): Array<[string, string]> {
  return Object.entries(input.request.headers).filter(
    ([name]) => name.toLowerCase() !== 'authorization',
  );
}

/** Escapes a string for a double-quoted literal in C-like languages (JS, Java, Python, PHP). */
export function escapeDoubleQuoted(
  value: string,
  extra: Record<string, string> = {},
  unicode: (code: number) => string = (code) => `\\u${code.toString(16).padStart(4, '0')}`,
): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    const named: Record<string, string> = {
      '\\': '\\\\',
      '"': '\\"',
      '\n': '\\n',
      '\r': '\\r',
      '\t': '\\t',
      ...extra,
    };
    if (named[char] !== undefined) out += named[char];
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029)
      out += unicode(code);
    else out += char;
  }
  return `"${out}"`;
}

import type { ContentPart, RequestContent, UrlPiece } from '../request/types.ts';
import { encodeComponent } from '../request/serialise.ts';
import type { SnippetInput } from './types.ts';

/** Environment variables every target reads in `env` mode. */
export const ENV = {
  projectId: 'SINCH_PROJECT_ID',
  keyId: 'SINCH_KEY_ID',
  keySecret: 'SINCH_KEY_SECRET',
  token: 'SINCH_API_TOKEN',
  apiKey: 'SINCH_API_KEY',
} as const;

/** A value a snippet keeps in a variable: read from the environment, or typed inline. */
export type SnippetVariable = 'projectId' | 'apiKey';

/** A URL as snippets write it: literal text, and the places where a variable's value goes (URL-encoded). */
export type SnippetUrlPiece = { text: string } | { variable: SnippetVariable };

/**
 * The request URL as pieces: in `env` mode the project ID's place (located by `prepareRequest`)
 * becomes a variable, everything else is literal text. A query API key is appended as a
 * variable (its value is never written into the URL text) unless `withApiKey` is false, for
 * targets that add it themselves. No URL is parsed here.
 */
export function snippetUrl(input: SnippetInput, withApiKey = true): SnippetUrlPiece[] {
  const pieces: SnippetUrlPiece[] = [];
  const pushText = (text: string) => {
    const last = pieces[pieces.length - 1];
    if (last && 'text' in last) last.text += text;
    else if (text !== '') pieces.push({ text });
  };
  const env = input.credentialMode === 'env';
  if (input.url) {
    const { server, path, query } = input.url;
    for (const piece of [...server, ...path] as UrlPiece[]) {
      if ('text' in piece) pushText(piece.text);
      else if (env) pieces.push({ variable: 'projectId' });
      else pushText(encodeComponent(piece.projectId));
    }
    if (query) pushText(`?${query}`);
  } else {
    pushText(input.request.url);
  }
  const key = queryApiKey(input);
  if (key !== null && withApiKey) {
    const text = snippetUrlText(pieces);
    pushText(`${text.includes('?') ? '&' : '?'}${encodeComponent(key)}=`);
    pieces.push({ variable: 'apiKey' });
  }
  return pieces;
}

/** The literal text of URL pieces, ignoring variables (to see what is already there). */
function snippetUrlText(pieces: readonly SnippetUrlPiece[]): string {
  return pieces.map((piece) => ('text' in piece ? piece.text : '')).join('');
}

/** The parameter name of an API key sent in the query, or null. */
export function queryApiKey(input: SnippetInput): string | null {
  return input.auth.type === 'apiKey' && input.auth.in === 'query' ? input.auth.name : null;
}

/** True when the snippet reads the project ID from the environment. */
export function readsProjectId(input: SnippetInput): boolean {
  return snippetUrl(input).some((piece) => 'variable' in piece && piece.variable === 'projectId');
}

/** True when the URL holds a variable, so the target needs its URL encoder. */
export function urlHasVariable(input: SnippetInput): boolean {
  return snippetUrl(input).some((piece) => 'variable' in piece);
}

/** The API key header's name, when the snippet sends an API key in a header. */
export function apiKeyHeader(input: SnippetInput): string | null {
  return input.auth.type === 'apiKey' && input.auth.in === 'header' ? input.auth.name : null;
}

/** The body as snippets write it: the structured content, else the request's text body. */
export function snippetContent(input: SnippetInput): RequestContent {
  if (input.content) return input.content;
  return input.request.body === null
    ? { kind: 'none' }
    : { kind: 'text', text: input.request.body };
}

/** True for a multipart part that is a local file. */
export function isFilePart(part: ContentPart): part is Extract<ContentPart, { path: string }> {
  return 'path' in part;
}

/**
 * Headers to write, without Authorization and the API key header (auth is expressed
 * separately) and, for multipart bodies, without Content-Type (each client writes its own boundary).
 */
export function plainHeaders(input: SnippetInput): Array<[string, string]> {
  const multipart = snippetContent(input).kind === 'multipart';
  const keyHeader = apiKeyHeader(input)?.toLowerCase();
  return Object.entries(input.request.headers).filter(
    ([name]) =>
      name.toLowerCase() !== 'authorization' &&
      name.toLowerCase() !== keyHeader &&
      !(multipart && name.toLowerCase() === 'content-type'),
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

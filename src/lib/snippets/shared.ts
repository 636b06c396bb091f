import type { ContentPart, RequestContent, UrlPiece } from '../request/types.ts';
import { encodeComponent } from '../request/serialise.ts';
import type { SnippetInput } from './types.ts';

/** Environment variables every target reads in `env` mode. */
export const ENV = {
  projectId: 'SINCH_PROJECT_ID',
  keyId: 'SINCH_KEY_ID',
  keySecret: 'SINCH_KEY_SECRET',
  token: 'SINCH_API_TOKEN',
} as const;

/** A URL as snippets write it: literal text, and the place where the project ID variable goes. */
export type SnippetUrlPiece = { text: string } | { projectIdVariable: true };

/**
 * The request URL as pieces: in `env` mode the project ID's place (located by `prepareRequest`)
 * becomes a variable, everything else is literal text. No URL is parsed here.
 */
export function snippetUrl(input: SnippetInput): SnippetUrlPiece[] {
  if (!input.url) return [{ text: input.request.url }];
  const { server, path, query } = input.url;
  const env = input.credentialMode === 'env';
  const pieces: SnippetUrlPiece[] = [];
  const pushText = (text: string) => {
    const last = pieces[pieces.length - 1];
    if (last && 'text' in last) last.text += text;
    else if (text !== '') pieces.push({ text });
  };
  for (const piece of [...server, ...path] as UrlPiece[]) {
    if ('text' in piece) pushText(piece.text);
    else if (env) pieces.push({ projectIdVariable: true });
    else pushText(encodeComponent(piece.projectId));
  }
  if (query) pushText(`?${query}`);
  return pieces;
}

/** True when the snippet reads the project ID from the environment. */
export function readsProjectId(input: SnippetInput): boolean {
  return snippetUrl(input).some((piece) => 'projectIdVariable' in piece);
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
 * Headers to write, without Authorization (auth is expressed separately) and, for multipart
 * bodies, without Content-Type (each client writes its own boundary).
 */
export function plainHeaders(input: SnippetInput): Array<[string, string]> {
  const multipart = snippetContent(input).kind === 'multipart';
  return Object.entries(input.request.headers).filter(
    ([name]) =>
      name.toLowerCase() !== 'authorization' &&
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

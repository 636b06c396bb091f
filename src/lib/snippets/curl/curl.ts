import { encodeComponent } from '../../request/serialise.ts';
import {
  apiKeyHeader,
  ENV,
  isFilePart,
  plainHeaders,
  readsProjectId,
  snippetContent,
  queryApiKey,
  snippetUrl,
} from '../shared.ts';
import type { SnippetInput, SnippetTarget } from '../types.ts';

/** Quotes a value for POSIX shells: single quotes, with `'` written as `'\''`. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** A value inside curl's `--form` double quotes (`"` and `\` escaped). */
function formQuoted(value: string): string {
  return `"${value.replace(/(["\\])/g, '\\$1')}"`;
}

/**
 * The URL argument; in env mode the project ID comes from `$SINCH_PROJECT_ID`. A query API key
 * is left to `--url-query`, which URL-encodes it (POSIX sh has no encoder of its own).
 */
function urlArgument(input: SnippetInput): string {
  return snippetUrl(input, false)
    .map((piece) => ('text' in piece ? shellQuote(piece.text) : `"\${${ENV[piece.variable]}}"`))
    .join('');
}

/** `--url-query name=key` for a query API key: curl encodes the key; in env mode it is `$SINCH_API_KEY`. */
function apiKeyQueryArgument(input: SnippetInput, name: string): string {
  const prefix = `${encodeComponent(name)}=`;
  if (input.credentialMode === 'env') return `--url-query ${shellQuote(prefix)}"\${${ENV.apiKey}}"`;
  return `--url-query ${shellQuote(prefix + (input.auth.type === 'apiKey' ? input.auth.key : ''))}`;
}

/** The API key header argument: the typed key, or `$SINCH_API_KEY` in env mode. */
function apiKeyArgument(input: SnippetInput, name: string): string {
  if (input.credentialMode === 'env')
    return `--header ${shellQuote(`${name}: `)}"\${${ENV.apiKey}}"`;
  return `--header ${shellQuote(`${name}: ${input.auth.type === 'apiKey' ? input.auth.key : ''}`)}`;
}

/** `--user` argument: typed values inline, or the environment variables. */
function userArgument(input: SnippetInput): string {
  if (input.credentialMode === 'env') return `"\${${ENV.keyId}}:\${${ENV.keySecret}}"`;
  if (input.auth.type !== 'basic' && input.auth.type !== 'oauth2') return "''";
  return shellQuote(`${input.auth.keyId}:${input.auth.keySecret}`);
}

/** `: "${VAR:?message}"` guards so a missing variable stops the command with a clear message. */
function envGuards(input: SnippetInput): string[] {
  if (input.credentialMode !== 'env') return [];
  const guards: string[] = [];
  if (readsProjectId(input))
    guards.push(`"\${${ENV.projectId}:?Set ${ENV.projectId} to your Sinch project ID}"`);
  if (input.auth.type === 'basic' || input.auth.type === 'oauth2') {
    guards.push(`"\${${ENV.keyId}:?Set ${ENV.keyId} to your access key ID}"`);
    guards.push(`"\${${ENV.keySecret}?Set ${ENV.keySecret} to your access key secret}"`);
  }
  if (input.auth.type === 'bearer')
    guards.push(`"\${${ENV.token}:?Set ${ENV.token} to your API token}"`);
  if (input.auth.type === 'apiKey')
    guards.push(`"\${${ENV.apiKey}:?Set ${ENV.apiKey} to your API key}"`);
  return guards.length > 0 ? [`: ${guards.join(' \\\n  ')} && \\`] : [];
}

/** The body arguments: raw text, one `--form` per multipart part, or a file's bytes. */
function bodyArguments(input: SnippetInput): string[] {
  const content = snippetContent(input);
  if (content.kind === 'text') return [`--data-raw ${shellQuote(content.text)}`];
  if (content.kind === 'file') return [`--data-binary ${shellQuote(`@${content.path}`)}`];
  if (content.kind === 'multipart')
    return content.parts.map((part) =>
      isFilePart(part)
        ? `--form ${shellQuote(`${part.name}=@${formQuoted(part.path)};type=${part.contentType}`)}`
        : `--form-string ${shellQuote(`${part.name}=${part.value}`)}`,
    );
  return [];
}

/** The main curl command, as lines joined with ` \` continuations. */
function requestCommand(input: SnippetInput, bearer: boolean): string {
  const { request } = input;
  const lines = [`curl ${urlArgument(input)}`];
  const keyQuery = queryApiKey(input);
  if (keyQuery !== null) lines.push(apiKeyQueryArgument(input, keyQuery));
  const body = bodyArguments(input);
  if (request.method !== 'GET' && !(request.method === 'POST' && body.length > 0))
    lines.push(`--request ${request.method}`);
  for (const [name, value] of plainHeaders(input))
    lines.push(`--header ${shellQuote(`${name}: ${value}`)}`);
  if (bearer) lines.push(`--header "Authorization: Bearer \${SINCH_ACCESS_TOKEN}"`);
  else if (input.auth.type === 'basic') lines.push(`--user ${userArgument(input)}`);
  else if (input.auth.type === 'bearer')
    lines.push(
      input.credentialMode === 'env'
        ? `--header "Authorization: Bearer \${${ENV.token}}"`
        : `--header ${shellQuote(`Authorization: Bearer ${input.auth.token}`)}`,
    );
  const keyHeader = apiKeyHeader(input);
  if (keyHeader !== null) lines.push(apiKeyArgument(input, keyHeader));
  lines.push(...body);
  return lines.join(' \\\n  ');
}

/** Fetches an OAuth2 token into SINCH_ACCESS_TOKEN, stopping with a message when none comes back. */
function tokenCommand(input: SnippetInput & { auth: { type: 'oauth2' } }): string {
  return [
    `SINCH_ACCESS_TOKEN=$(curl --silent --show-error ${shellQuote(input.auth.tokenUrl)} \\`,
    `  --user ${userArgument(input)} \\`,
    `  --data-urlencode 'grant_type=client_credentials' \\`,
    `  | sed -n 's/.*"access_token" *: *"\\([^"]*\\)".*/\\1/p') && \\`,
    `{ [ -n "$SINCH_ACCESS_TOKEN" ] || { echo 'No access token: check the key ID and secret.' >&2; false; }; } && \\`,
  ].join('\n');
}

/** curl for POSIX shells: every value single-quoted, bodies with --data-raw, --form or --data-binary. */
export const curlTarget: SnippetTarget = {
  id: 'curl',
  label: 'curl',
  language: 'shellscript',
  fileName: 'request.sh',
  generate(input) {
    const parts = [...envGuards(input)];
    if (input.auth.type === 'oauth2') {
      parts.push(tokenCommand({ ...input, auth: input.auth }));
      parts.push(requestCommand(input, true));
    } else {
      parts.push(requestCommand(input, false));
    }
    return `${parts.join('\n')}\n`;
  },
};

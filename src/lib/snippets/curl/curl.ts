import {
  ENV,
  isFilePart,
  plainHeaders,
  readsProjectId,
  snippetContent,
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

/** The URL argument; in env mode the project ID comes from `$SINCH_PROJECT_ID`. */
function urlArgument(input: SnippetInput): string {
  return snippetUrl(input)
    .map((piece) => ('text' in piece ? shellQuote(piece.text) : `"\${${ENV.projectId}}"`))
    .join('');
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

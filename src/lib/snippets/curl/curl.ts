import { ENV, plainHeaders, splitAtProjectId } from '../shared.ts';
import type { SnippetInput, SnippetTarget } from '../types.ts';

/** Quotes a value for POSIX shells: single quotes, with `'` written as `'\''`. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** The URL argument; in env mode the project ID comes from `$SINCH_PROJECT_ID`. */
function urlArgument(input: SnippetInput): string {
  const parts = splitAtProjectId(input);
  if (!parts) return shellQuote(input.request.url);
  return `${shellQuote(parts.before)}"\${${ENV.projectId}}"${parts.after ? shellQuote(parts.after) : ''}`;
}

/** `--user` argument: typed values inline, or the environment variables. */
function userArgument(input: SnippetInput): string {
  if (input.auth.type === 'none') return '';
  if (input.credentialMode === 'env') return `"\${${ENV.keyId}}:\${${ENV.keySecret}}"`;
  return shellQuote(`${input.auth.keyId}:${input.auth.keySecret}`);
}

/** `: "${VAR:?message}"` guards so a missing variable stops the command with a clear message. */
function envGuards(input: SnippetInput): string[] {
  if (input.credentialMode !== 'env') return [];
  const guards: string[] = [];
  if (splitAtProjectId(input))
    guards.push(`"\${${ENV.projectId}:?Set ${ENV.projectId} to your Sinch project ID}"`);
  if (input.auth.type !== 'none') {
    guards.push(`"\${${ENV.keyId}:?Set ${ENV.keyId} to your access key ID}"`);
    guards.push(`"\${${ENV.keySecret}?Set ${ENV.keySecret} to your access key secret}"`);
  }
  return guards.length > 0 ? [`: ${guards.join(' \\\n  ')} && \\`] : [];
}

/** The main curl command, as lines joined with ` \` continuations. */
function requestCommand(input: SnippetInput, bearer: boolean): string {
  const { request } = input;
  const lines = [`curl ${urlArgument(input)}`];
  const usesData = request.body !== null;
  if (request.method !== 'GET' && !(request.method === 'POST' && usesData))
    lines.push(`--request ${request.method}`);
  for (const [name, value] of plainHeaders(input))
    lines.push(`--header ${shellQuote(`${name}: ${value}`)}`);
  if (bearer) lines.push(`--header "Authorization: Bearer \${SINCH_ACCESS_TOKEN}"`);
  else if (input.auth.type === 'basic') lines.push(`--user ${userArgument(input)}`);
  if (usesData) lines.push(`--data-raw ${shellQuote(request.body ?? '')}`);
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

/** curl for POSIX shells: every value single-quoted, bodies with --data-raw, Basic via --user. */
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

import {
  apiKeyHeader,
  ENV,
  escapeDoubleQuoted,
  isFilePart,
  plainHeaders,
  readsProjectId,
  snippetContent,
  snippetUrl,
  urlHasVariable,
} from '../shared.ts';
import type { SnippetInput, SnippetTarget } from '../types.ts';

/** A Python string literal for any string. */
export function pyString(value: string): string {
  return escapeDoubleQuoted(value, {}, (code) => `\\x${code.toString(16).padStart(2, '0')}`);
}

/** The body keyword arguments: text as UTF-8 bytes, multipart `files=`, or a file's bytes. */
function bodyArguments(input: SnippetInput): string[] {
  const content = snippetContent(input);
  if (content.kind === 'text') return [`    data=${pyString(content.text)}.encode("utf-8"),`];
  if (content.kind === 'file') return [`    data=Path(${pyString(content.path)}).read_bytes(),`];
  if (content.kind === 'none') return [];
  const parts = content.parts.map((part) =>
    isFilePart(part)
      ? `        (${pyString(part.name)}, (Path(${pyString(part.path)}).name, Path(${pyString(part.path)}).read_bytes(), ${pyString(part.contentType)})),`
      : `        (${pyString(part.name)}, (None, ${pyString(part.value)}${part.contentType ? `, ${pyString(part.contentType)}` : ''})),`,
  );
  return ['    files=[', ...parts, '    ],'];
}

/** Python 3 with `requests`: Basic auth as a UTF-8 `auth` tuple, so any character works. */
export const pythonTarget: SnippetTarget = {
  id: 'python',
  label: 'Python',
  language: 'python',
  fileName: 'request.py',
  generate(input: SnippetInput) {
    const { request } = input;
    const readsProject = readsProjectId(input);
    const content = snippetContent(input);
    const basicLike = input.auth.type === 'basic' || input.auth.type === 'oauth2';
    const lines = ['import json', 'import os', 'import sys'];
    if (content.kind === 'file' || content.kind === 'multipart')
      lines.push('from pathlib import Path');
    if (urlHasVariable(input)) lines.push('from urllib.parse import quote');
    lines.push('', 'import requests', '');
    if (input.credentialMode === 'env') {
      lines.push(
        'def require_env(name):',
        '    """Reads a required environment variable, stopping with a clear message when unset."""',
        '    value = os.environ.get(name)',
        '    if value is None:',
        '        sys.exit(f"Set the {name} environment variable.")',
        '    return value',
        '',
        '',
      );
      if (readsProject) lines.push(`project_id = require_env("${ENV.projectId}")`);
      if (basicLike)
        lines.push(
          `key_id = require_env("${ENV.keyId}")`,
          `key_secret = require_env("${ENV.keySecret}")`,
        );
      if (input.auth.type === 'bearer') lines.push(`api_token = require_env("${ENV.token}")`);
      if (input.auth.type === 'apiKey') lines.push(`api_key = require_env("${ENV.apiKey}")`);
    } else if (input.auth.type === 'basic' || input.auth.type === 'oauth2') {
      lines.push(
        `key_id = ${pyString(input.auth.keyId)}`,
        `key_secret = ${pyString(input.auth.keySecret)}`,
      );
    } else if (input.auth.type === 'bearer') {
      lines.push(`api_token = ${pyString(input.auth.token)}`);
    } else if (input.auth.type === 'apiKey') {
      lines.push(`api_key = ${pyString(input.auth.key)}`);
    }
    if (lines[lines.length - 1] !== '') lines.push('');
    const auth = '(key_id.encode("utf-8"), key_secret.encode("utf-8"))';
    const headers = plainHeaders(input).map(
      ([name, value]) => `${pyString(name)}: ${pyString(value)}`,
    );
    if (input.auth.type === 'oauth2') {
      lines.push(
        '# Exchange the access key for a token (client credentials); reuse it until it expires.',
        'token_response = requests.post(',
        `    ${pyString(input.auth.tokenUrl)},`,
        '    data={"grant_type": "client_credentials"},',
        `    auth=${auth},`,
        '    timeout=30,',
        ')',
        'if not token_response.ok:',
        '    sys.exit(f"Token request failed: {token_response.status_code}\\n{token_response.text}")',
        'access_token = token_response.json()["access_token"]',
        '',
      );
      headers.push('"Authorization": f"Bearer {access_token}"');
    }
    if (input.auth.type === 'bearer') headers.push('"Authorization": f"Bearer {api_token}"');
    const keyHeader = apiKeyHeader(input);
    if (keyHeader !== null) headers.push(`${pyString(keyHeader)}: api_key`);
    const names = { projectId: 'project_id', apiKey: 'api_key' } as const;
    const url = snippetUrl(input)
      .map((piece) =>
        'text' in piece ? pyString(piece.text) : `quote(${names[piece.variable]}, safe="")`,
      )
      .join(' + ');
    lines.push('response = requests.request(', `    "${request.method}",`, `    ${url},`);
    lines.push(`    headers={${headers.join(', ')}},`);
    lines.push(...bodyArguments(input));
    if (input.auth.type === 'basic') lines.push(`    auth=${auth},`);
    lines.push('    timeout=30,', ')');
    lines.push(
      'if not response.ok:',
      '    sys.exit(f"Request failed: {response.status_code} {response.reason}\\n{response.text}")',
      'try:',
      '    print(json.dumps(response.json(), indent=2, ensure_ascii=False))',
      'except ValueError:',
      '    print(response.text)',
    );
    return `${lines.join('\n')}\n`;
  },
};

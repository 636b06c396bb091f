import { ENV, escapeDoubleQuoted, plainHeaders, splitAtProjectId } from '../shared.ts';
import type { SnippetInput, SnippetTarget } from '../types.ts';

/** A Python string literal for any string. */
export function pyString(value: string): string {
  return escapeDoubleQuoted(value, {}, (code) => `\\x${code.toString(16).padStart(2, '0')}`);
}

/** Python 3 with `requests`: Basic auth as a UTF-8 `auth` tuple, so any character works. */
export const pythonTarget: SnippetTarget = {
  id: 'python',
  label: 'Python',
  language: 'python',
  fileName: 'request.py',
  generate(input: SnippetInput) {
    const { request } = input;
    const parts = splitAtProjectId(input);
    const lines = ['import json', 'import os', 'import sys'];
    if (parts) lines.push('from urllib.parse import quote');
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
      if (parts) lines.push(`project_id = require_env("${ENV.projectId}")`);
      if (input.auth.type !== 'none')
        lines.push(
          `key_id = require_env("${ENV.keyId}")`,
          `key_secret = require_env("${ENV.keySecret}")`,
        );
    } else if (input.auth.type !== 'none') {
      lines.push(
        `key_id = ${pyString(input.auth.keyId)}`,
        `key_secret = ${pyString(input.auth.keySecret)}`,
      );
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
    const url = parts
      ? `${pyString(parts.before)} + quote(project_id, safe="") + ${pyString(parts.after)}`
      : pyString(request.url);
    lines.push('response = requests.request(', `    "${request.method}",`, `    ${url},`);
    lines.push(`    headers={${headers.join(', ')}},`);
    if (request.body !== null) lines.push(`    data=${pyString(request.body)}.encode("utf-8"),`);
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

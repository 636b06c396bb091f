import { ENV, plainHeaders, splitAtProjectId } from '../shared.ts';
import type { SnippetInput, SnippetTarget } from '../types.ts';

/** A single-quoted PHP literal: only `\` and `'` need escaping there. */
export function phpString(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/** PHP with the curl extension: Basic via CURLOPT_USERPWD, body sent byte for byte. */
export const phpTarget: SnippetTarget = {
  id: 'php',
  label: 'PHP',
  language: 'php',
  fileName: 'request.php',
  generate(input: SnippetInput) {
    const { request } = input;
    const parts = splitAtProjectId(input);
    const lines = ['<?php', ''];
    if (input.credentialMode === 'env') {
      lines.push(
        '/** Reads a required environment variable, stopping with a clear message when it is not set. */',
        'function requireEnv(string $name): string',
        '{',
        '    $value = getenv($name);',
        '    if ($value === false) {',
        '        fwrite(STDERR, "Set the $name environment variable." . PHP_EOL);',
        '        exit(1);',
        '    }',
        '    return $value;',
        '}',
        '',
      );
      if (parts) lines.push(`$projectId = requireEnv('${ENV.projectId}');`);
      if (input.auth.type !== 'none')
        lines.push(
          `$keyId = requireEnv('${ENV.keyId}');`,
          `$keySecret = requireEnv('${ENV.keySecret}');`,
        );
    } else if (input.auth.type !== 'none') {
      lines.push(
        `$keyId = ${phpString(input.auth.keyId)};`,
        `$keySecret = ${phpString(input.auth.keySecret)};`,
      );
    }
    const headers = plainHeaders(input).map(([name, value]) => phpString(`${name}: ${value}`));
    if (input.auth.type === 'oauth2') {
      lines.push(
        '',
        '// Exchange the access key for a token (client credentials); reuse it until it expires.',
        `$tokenCurl = curl_init(${phpString(input.auth.tokenUrl)});`,
        'curl_setopt_array($tokenCurl, [',
        '    CURLOPT_HTTPAUTH => CURLAUTH_BASIC,',
        "    CURLOPT_USERPWD => $keyId . ':' . $keySecret,",
        "    CURLOPT_POSTFIELDS => 'grant_type=client_credentials',",
        '    CURLOPT_RETURNTRANSFER => true,',
        ']);',
        '$token = json_decode((string) curl_exec($tokenCurl), true);',
        "if (!is_array($token) || !isset($token['access_token'])) {",
        "    fwrite(STDERR, 'Token request failed: check the key ID and secret.' . PHP_EOL);",
        '    exit(1);',
        '}',
      );
      headers.push(`'Authorization: Bearer ' . $token['access_token']`);
    }
    const url = parts
      ? `${phpString(parts.before)} . rawurlencode($projectId) . ${phpString(parts.after)}`
      : phpString(request.url);
    lines.push('', `$curl = curl_init(${url});`, 'curl_setopt_array($curl, [');
    lines.push(`    CURLOPT_CUSTOMREQUEST => '${request.method}',`);
    lines.push(`    CURLOPT_HTTPHEADER => [${headers.join(', ')}],`);
    if (input.auth.type === 'basic')
      lines.push(
        '    CURLOPT_HTTPAUTH => CURLAUTH_BASIC,',
        "    CURLOPT_USERPWD => $keyId . ':' . $keySecret,",
      );
    if (request.body !== null) lines.push(`    CURLOPT_POSTFIELDS => ${phpString(request.body)},`);
    lines.push('    CURLOPT_RETURNTRANSFER => true,', ']);');
    lines.push(
      '$body = curl_exec($curl);',
      'if ($body === false) {',
      "    fwrite(STDERR, 'Request failed: ' . curl_error($curl) . PHP_EOL);",
      '    exit(1);',
      '}',
      '$status = curl_getinfo($curl, CURLINFO_RESPONSE_CODE);',
      'if ($status >= 400) {',
      '    fwrite(STDERR, "Request failed: $status" . PHP_EOL . $body . PHP_EOL);',
      '    exit(1);',
      '}',
      'echo $body, PHP_EOL;',
    );
    return `${lines.join('\n')}\n`;
  },
};

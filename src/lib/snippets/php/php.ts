import {
  apiKeyHeader,
  ENV,
  isFilePart,
  plainHeaders,
  readsProjectId,
  snippetContent,
  snippetUrl,
} from '../shared.ts';
import type { SnippetInput, SnippetTarget } from '../types.ts';

/** A single-quoted PHP literal: only `\` and `'` need escaping there. */
export function phpString(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/** The CURLOPT_POSTFIELDS option: text as it is, multipart fields and CURLFiles, or a file's bytes. */
function bodyOptions(input: SnippetInput): string[] {
  const content = snippetContent(input);
  if (content.kind === 'text') return [`    CURLOPT_POSTFIELDS => ${phpString(content.text)},`];
  if (content.kind === 'file')
    return [`    CURLOPT_POSTFIELDS => file_get_contents(${phpString(content.path)}),`];
  if (content.kind === 'none') return [];
  const fields = content.parts.map((part) =>
    isFilePart(part)
      ? `        ${phpString(part.name)} => new CURLFile(${phpString(part.path)}, ${phpString(part.contentType)}, basename(${phpString(part.path)})),`
      : `        ${phpString(part.name)} => ${phpString(part.value)},`,
  );
  return ['    CURLOPT_POSTFIELDS => [', ...fields, '    ],'];
}

/** PHP with the curl extension: Basic via CURLOPT_USERPWD, body sent byte for byte. */
export const phpTarget: SnippetTarget = {
  id: 'php',
  label: 'PHP',
  language: 'php',
  fileName: 'request.php',
  generate(input: SnippetInput) {
    const { request } = input;
    const readsProject = readsProjectId(input);
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
      if (readsProject) lines.push(`$projectId = requireEnv('${ENV.projectId}');`);
      if (input.auth.type === 'basic' || input.auth.type === 'oauth2')
        lines.push(
          `$keyId = requireEnv('${ENV.keyId}');`,
          `$keySecret = requireEnv('${ENV.keySecret}');`,
        );
      if (input.auth.type === 'bearer') lines.push(`$apiToken = requireEnv('${ENV.token}');`);
      if (input.auth.type === 'apiKey') lines.push(`$apiKey = requireEnv('${ENV.apiKey}');`);
    } else if (input.auth.type === 'basic' || input.auth.type === 'oauth2') {
      lines.push(
        `$keyId = ${phpString(input.auth.keyId)};`,
        `$keySecret = ${phpString(input.auth.keySecret)};`,
      );
    } else if (input.auth.type === 'bearer') {
      lines.push(`$apiToken = ${phpString(input.auth.token)};`);
    } else if (input.auth.type === 'apiKey') {
      lines.push(`$apiKey = ${phpString(input.auth.key)};`);
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
    if (input.auth.type === 'bearer') headers.push(`'Authorization: Bearer ' . $apiToken`);
    const keyHeader = apiKeyHeader(input);
    if (keyHeader !== null) headers.push(`${phpString(`${keyHeader}: `)} . $apiKey`);
    const url = snippetUrl(input)
      .map((piece) =>
        'text' in piece ? phpString(piece.text) : `rawurlencode($${piece.variable})`,
      )
      .join(' . ');
    lines.push('', `$curl = curl_init(${url});`, 'curl_setopt_array($curl, [');
    lines.push(`    CURLOPT_CUSTOMREQUEST => '${request.method}',`);
    lines.push(`    CURLOPT_HTTPHEADER => [${headers.join(', ')}],`);
    if (input.auth.type === 'basic')
      lines.push(
        '    CURLOPT_HTTPAUTH => CURLAUTH_BASIC,',
        "    CURLOPT_USERPWD => $keyId . ':' . $keySecret,",
      );
    lines.push(...bodyOptions(input));
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

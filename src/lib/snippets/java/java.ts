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
import type { ContentPart } from '../../request/types.ts';
import type { SnippetInput, SnippetTarget } from '../types.ts';

/** A Java string literal; LF and CR use `\n`/`\r` because `\u000a` would end the line in source. */
export function javaString(value: string): string {
  return escapeDoubleQuoted(value, { '\b': '\\b', '\f': '\\f' });
}

const BASIC =
  'Base64.getEncoder().encodeToString((keyId + ":" + keySecret).getBytes(StandardCharsets.UTF_8))';

/** A part's name as a quoted-string in its Content-Disposition: line breaks flattened, `"` and `\\` escaped. */
function dispositionName(name: string): string {
  return name.replace(/[\r\n]/g, ' ').replace(/(["\\])/g, '\\$1');
}

/**
 * Statements writing a multipart/form-data body into `form`, text fields and files from disk. Every
 * constant piece goes through `javaString`, so CR LF and quotes are escapes in the Java source.
 */
function multipartLines(parts: readonly ContentPart[]): string[] {
  const lines = [
    'String boundary = "sinch-java-boundary-" + System.nanoTime();',
    'ByteArrayOutputStream form = new ByteArrayOutputStream();',
  ];
  const utf8 = (expression: string) =>
    `form.write((${expression}).getBytes(StandardCharsets.UTF_8));`;
  for (const part of parts) {
    const disposition = `\r\nContent-Disposition: form-data; name="${dispositionName(part.name)}"`;
    if (isFilePart(part)) {
      const path = `Path.of(${javaString(part.path)})`;
      lines.push(
        utf8(
          `"--" + boundary + ${javaString(`${disposition}; filename="`)} + ${path}.getFileName() + ${javaString(`"\r\nContent-Type: ${part.contentType}\r\n\r\n`)}`,
        ),
        `form.write(Files.readAllBytes(${path}));`,
      );
    } else {
      const type = part.contentType ? `\r\nContent-Type: ${part.contentType}` : '';
      lines.push(
        utf8(`"--" + boundary + ${javaString(`${disposition}${type}\r\n\r\n`)}`),
        utf8(javaString(part.value)),
      );
    }
    lines.push(utf8(javaString('\r\n')));
  }
  lines.push(utf8(`"--" + boundary + ${javaString('--\r\n')}`));
  return lines;
}

/** Java 11+ `java.net.http`: Basic credentials encoded as UTF-8, body sent as UTF-8. */
export const javaTarget: SnippetTarget = {
  id: 'java',
  label: 'Java',
  language: 'java',
  fileName: 'SinchRequest.java',
  generate(input: SnippetInput) {
    const { request } = input;
    const readsProject = readsProjectId(input);
    const content = snippetContent(input);
    const body: string[] = [];
    if (input.credentialMode === 'env') {
      if (readsProject) body.push(`String projectId = requireEnv("${ENV.projectId}");`);
      if (input.auth.type === 'basic' || input.auth.type === 'oauth2')
        body.push(
          `String keyId = requireEnv("${ENV.keyId}");`,
          `String keySecret = requireEnv("${ENV.keySecret}");`,
        );
      if (input.auth.type === 'bearer') body.push(`String apiToken = requireEnv("${ENV.token}");`);
      if (input.auth.type === 'apiKey') body.push(`String apiKey = requireEnv("${ENV.apiKey}");`);
    } else if (input.auth.type === 'basic' || input.auth.type === 'oauth2') {
      body.push(`String keyId = ${javaString(input.auth.keyId)};`);
      body.push(`String keySecret = ${javaString(input.auth.keySecret)};`);
    } else if (input.auth.type === 'bearer') {
      body.push(`String apiToken = ${javaString(input.auth.token)};`);
    } else if (input.auth.type === 'apiKey') {
      body.push(`String apiKey = ${javaString(input.auth.key)};`);
    }
    body.push('HttpClient client = HttpClient.newHttpClient();');
    if (input.auth.type === 'oauth2') {
      body.push(
        '// Exchange the access key for a token (client credentials); reuse it until it expires.',
        `HttpRequest tokenRequest = HttpRequest.newBuilder(URI.create(${javaString(input.auth.tokenUrl)}))`,
        '    .header("Content-Type", "application/x-www-form-urlencoded")',
        `    .header("Authorization", "Basic " + ${BASIC})`,
        '    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))',
        '    .build();',
        'HttpResponse<String> tokenResponse = client.send(tokenRequest, HttpResponse.BodyHandlers.ofString());',
        'Matcher token = Pattern.compile("\\"access_token\\"\\\\s*:\\\\s*\\"([^\\"]+)\\"").matcher(tokenResponse.body());',
        'if (tokenResponse.statusCode() >= 400 || !token.find()) {',
        '  System.err.println("Token request failed: " + tokenResponse.statusCode() + "\\n" + tokenResponse.body());',
        '  System.exit(1);',
        '}',
      );
    }
    const url = snippetUrl(input)
      .map((piece) =>
        'text' in piece
          ? javaString(piece.text)
          : `URLEncoder.encode(${piece.variable}, StandardCharsets.UTF_8).replace("+", "%20")`,
      )
      .join(' + ');
    if (content.kind === 'multipart') body.push(...multipartLines(content.parts));
    body.push(`HttpRequest request = HttpRequest.newBuilder(URI.create(${url}))`);
    for (const [name, value] of plainHeaders(input))
      body.push(`    .header(${javaString(name)}, ${javaString(value)})`);
    if (content.kind === 'multipart')
      body.push('    .header("Content-Type", "multipart/form-data; boundary=" + boundary)');
    if (input.auth.type === 'basic') body.push(`    .header("Authorization", "Basic " + ${BASIC})`);
    if (input.auth.type === 'oauth2')
      body.push('    .header("Authorization", "Bearer " + token.group(1))');
    if (input.auth.type === 'bearer')
      body.push('    .header("Authorization", "Bearer " + apiToken)');
    const keyHeader = apiKeyHeader(input);
    if (keyHeader !== null) body.push(`    .header(${javaString(keyHeader)}, apiKey)`);
    const publisher =
      content.kind === 'text'
        ? `HttpRequest.BodyPublishers.ofString(${javaString(content.text)}, StandardCharsets.UTF_8)`
        : content.kind === 'file'
          ? `HttpRequest.BodyPublishers.ofFile(Path.of(${javaString(content.path)}))`
          : content.kind === 'multipart'
            ? 'HttpRequest.BodyPublishers.ofByteArray(form.toByteArray())'
            : 'HttpRequest.BodyPublishers.noBody()';
    body.push(`    .method("${request.method}", ${publisher})`, '    .build();');
    body.push(
      'HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));',
      'if (response.statusCode() >= 400) {',
      '  System.err.println("Request failed: " + response.statusCode() + "\\n" + response.body());',
      '  System.exit(1);',
      '}',
      'System.out.println(response.body());',
    );
    const imports = [
      'java.net.URI',
      ...(content.kind === 'multipart' ? ['java.io.ByteArrayOutputStream'] : []),
      ...(urlHasVariable(input) ? ['java.net.URLEncoder'] : []),
      'java.net.http.HttpClient',
      'java.net.http.HttpRequest',
      'java.net.http.HttpResponse',
      'java.nio.charset.StandardCharsets',
      ...(content.kind === 'file' ||
      (content.kind === 'multipart' && content.parts.some(isFilePart))
        ? ['java.nio.file.Files', 'java.nio.file.Path']
        : []),
      'java.util.Base64',
      ...(input.auth.type === 'oauth2'
        ? ['java.util.regex.Matcher', 'java.util.regex.Pattern']
        : []),
    ];
    const out = [...imports.map((name) => `import ${name};`), '', 'public class SinchRequest {'];
    if (input.credentialMode === 'env')
      out.push(
        '  /** Reads a required environment variable, failing with a clear message when it is not set. */',
        '  static String requireEnv(String name) {',
        '    String value = System.getenv(name);',
        '    if (value == null) {',
        '      System.err.println("Set the " + name + " environment variable.");',
        '      System.exit(1);',
        '    }',
        '    return value;',
        '  }',
        '',
      );
    out.push('  public static void main(String[] args) throws Exception {');
    out.push(...body.map((line) => `    ${line}`), '  }', '}');
    return `${out.join('\n')}\n`;
  },
};

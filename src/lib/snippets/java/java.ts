import { ENV, escapeDoubleQuoted, plainHeaders, splitAtProjectId } from '../shared.ts';
import type { SnippetInput, SnippetTarget } from '../types.ts';

/** A Java string literal; LF and CR use `\n`/`\r` because `\u000a` would end the line in source. */
export function javaString(value: string): string {
  return escapeDoubleQuoted(value, { '\b': '\\b', '\f': '\\f' });
}

const BASIC =
  'Base64.getEncoder().encodeToString((keyId + ":" + keySecret).getBytes(StandardCharsets.UTF_8))';

/** Java 11+ `java.net.http`: Basic credentials encoded as UTF-8, body sent as UTF-8. */
export const javaTarget: SnippetTarget = {
  id: 'java',
  label: 'Java',
  language: 'java',
  fileName: 'SinchRequest.java',
  generate(input: SnippetInput) {
    const { request } = input;
    const parts = splitAtProjectId(input);
    const body: string[] = [];
    if (input.credentialMode === 'env') {
      if (parts) body.push(`String projectId = requireEnv("${ENV.projectId}");`);
      if (input.auth.type !== 'none')
        body.push(
          `String keyId = requireEnv("${ENV.keyId}");`,
          `String keySecret = requireEnv("${ENV.keySecret}");`,
        );
    } else if (input.auth.type !== 'none') {
      body.push(`String keyId = ${javaString(input.auth.keyId)};`);
      body.push(`String keySecret = ${javaString(input.auth.keySecret)};`);
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
    const url = parts
      ? `${javaString(parts.before)} + URLEncoder.encode(projectId, StandardCharsets.UTF_8).replace("+", "%20") + ${javaString(parts.after)}`
      : javaString(request.url);
    body.push(`HttpRequest request = HttpRequest.newBuilder(URI.create(${url}))`);
    for (const [name, value] of plainHeaders(input))
      body.push(`    .header(${javaString(name)}, ${javaString(value)})`);
    if (input.auth.type === 'basic') body.push(`    .header("Authorization", "Basic " + ${BASIC})`);
    if (input.auth.type === 'oauth2')
      body.push('    .header("Authorization", "Bearer " + token.group(1))');
    const publisher =
      request.body === null
        ? 'HttpRequest.BodyPublishers.noBody()'
        : `HttpRequest.BodyPublishers.ofString(${javaString(request.body)}, StandardCharsets.UTF_8)`;
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
      ...(parts ? ['java.net.URLEncoder'] : []),
      'java.net.http.HttpClient',
      'java.net.http.HttpRequest',
      'java.net.http.HttpResponse',
      'java.nio.charset.StandardCharsets',
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

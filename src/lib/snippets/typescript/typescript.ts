import {
  apiKeyHeader,
  ENV,
  escapeDoubleQuoted,
  isFilePart,
  plainHeaders,
  readsProjectId,
  snippetContent,
  snippetUrl,
} from '../shared.ts';
import type { SnippetInput, SnippetTarget } from '../types.ts';
import { interfaceDeclaration } from './interface.ts';

/** A JavaScript string literal for any string (escapes controls, quotes, line separators). */
export function jsString(value: string): string {
  return escapeDoubleQuoted(value);
}

/** The URL expression: a literal, or literals around the encoded project ID. */
function urlExpression(input: SnippetInput): string {
  return snippetUrl(input)
    .map((piece) =>
      'text' in piece ? jsString(piece.text) : `encodeURIComponent(${piece.variable})`,
    )
    .join(' + ');
}

/** Lines building the body (a FormData for multipart), and the `body:` expression for fetch. */
function bodyLines(input: SnippetInput): { setup: string[]; expression: string | null } {
  const content = snippetContent(input);
  if (content.kind === 'text') return { setup: [], expression: jsString(content.text) };
  if (content.kind === 'file')
    return { setup: [], expression: `await readFile(${jsString(content.path)})` };
  if (content.kind === 'none') return { setup: [], expression: null };
  const setup = ['const form = new FormData();'];
  for (const part of content.parts) {
    if (isFilePart(part)) {
      const path = jsString(part.path);
      setup.push(
        `form.append(${jsString(part.name)}, new Blob([await readFile(${path})], { type: ${jsString(part.contentType)} }), basename(${path}));`,
      );
    } else if (part.contentType) {
      setup.push(
        `form.append(${jsString(part.name)}, new Blob([${jsString(part.value)}], { type: ${jsString(part.contentType)} }));`,
      );
    } else {
      setup.push(`form.append(${jsString(part.name)}, ${jsString(part.value)});`);
    }
  }
  return { setup: [...setup, ''], expression: 'form' };
}

/** Imports the body needs: file reading and, for multipart files, the file's base name. */
function importLines(input: SnippetInput): string[] {
  const content = snippetContent(input);
  if (content.kind === 'file') return ["import { readFile } from 'node:fs/promises';", ''];
  if (content.kind === 'multipart' && content.parts.some(isFilePart))
    return [
      "import { readFile } from 'node:fs/promises';",
      "import { basename } from 'node:path';",
      '',
    ];
  return [];
}

/** Lines declaring the credentials: typed values, or read from the environment. */
function credentialLines(input: SnippetInput, typed: boolean): string[] {
  const needsProject = readsProjectId(input);
  if (input.auth.type === 'none' && !needsProject) return [];
  const lines: string[] = [];
  if (input.credentialMode === 'env') {
    const type = typed ? ': string' : '';
    lines.push(
      `/** Reads a required environment variable, failing with a clear message when it is not set. */`,
      `function requireEnv(name${type})${type} {`,
      `  const value = process.env[name];`,
      `  if (value === undefined) throw new Error(\`Set the \${name} environment variable.\`);`,
      `  return value;`,
      `}`,
      ``,
    );
    if (needsProject) lines.push(`const projectId = requireEnv('${ENV.projectId}');`);
    if (input.auth.type === 'basic' || input.auth.type === 'oauth2')
      lines.push(
        `const keyId = requireEnv('${ENV.keyId}');`,
        `const keySecret = requireEnv('${ENV.keySecret}');`,
      );
    if (input.auth.type === 'bearer') lines.push(`const apiToken = requireEnv('${ENV.token}');`);
    if (input.auth.type === 'apiKey') lines.push(`const apiKey = requireEnv('${ENV.apiKey}');`);
  } else if (input.auth.type === 'basic' || input.auth.type === 'oauth2') {
    lines.push(`const keyId = ${jsString(input.auth.keyId)};`);
    lines.push(`const keySecret = ${jsString(input.auth.keySecret)};`);
  } else if (input.auth.type === 'bearer') {
    lines.push(`const apiToken = ${jsString(input.auth.token)};`);
  } else if (input.auth.type === 'apiKey') {
    lines.push(`const apiKey = ${jsString(input.auth.key)};`);
  }
  return lines;
}

const BASIC = "Buffer.from(`${keyId}:${keySecret}`, 'utf8').toString('base64')";

/** The statements inside `main()`. */
function mainBody(input: SnippetInput, typed: boolean, typeName: string | null): string[] {
  const { request } = input;
  const lines: string[] = [];
  if (input.auth.type === 'oauth2') {
    lines.push(
      `// Exchange the access key for a token (client credentials); reuse it until it expires.`,
      `const tokenResponse = await fetch(${jsString(input.auth.tokenUrl)}, {`,
      `  method: 'POST',`,
      `  headers: {`,
      `    'Content-Type': 'application/x-www-form-urlencoded',`,
      `    Authorization: \`Basic \${${BASIC}}\`,`,
      `  },`,
      `  body: new URLSearchParams({ grant_type: 'client_credentials' }),`,
      `});`,
      `if (!tokenResponse.ok) {`,
      `  throw new Error(\`Token request failed: \${tokenResponse.status}\\n\${await tokenResponse.text()}\`);`,
      `}`,
      `const { access_token: accessToken } = (await tokenResponse.json())${typed ? ' as { access_token: string }' : ''};`,
      ``,
    );
  }
  const body = bodyLines(input);
  lines.push(...body.setup);
  lines.push(`const response = await fetch(${urlExpression(input)}, {`);
  lines.push(`  method: '${request.method}',`);
  lines.push(`  headers: {`);
  for (const [name, value] of plainHeaders(input))
    lines.push(`    ${jsString(name)}: ${jsString(value)},`);
  if (input.auth.type === 'basic') lines.push(`    Authorization: \`Basic \${${BASIC}}\`,`);
  if (input.auth.type === 'oauth2') lines.push(`    Authorization: \`Bearer \${accessToken}\`,`);
  if (input.auth.type === 'bearer') lines.push(`    Authorization: \`Bearer \${apiToken}\`,`);
  const keyHeader = apiKeyHeader(input);
  if (keyHeader !== null) lines.push(`    ${jsString(keyHeader)}: apiKey,`);
  lines.push(`  },`);
  if (body.expression !== null) lines.push(`  body: ${body.expression},`);
  lines.push(`});`);
  lines.push(
    `if (!response.ok) {`,
    `  throw new Error(\`Request failed: \${response.status} \${response.statusText}\\n\${await response.text()}\`);`,
    `}`,
  );
  if (typeName) {
    lines.push(`const data = (await response.json())${typed ? ` as ${typeName}` : ''};`);
    lines.push(`console.log(JSON.stringify(data, null, 2));`);
  } else {
    lines.push(`console.log(await response.text());`);
  }
  return lines;
}

/** Writes the fetch program; `typed` adds the response interface and annotations. */
export function generateFetchProgram(input: SnippetInput, typed: boolean): string {
  const typeName = input.responseSchema ? (input.responseTypeName ?? 'ResponseBody') : null;
  const out: string[] = importLines(input);
  if (typed && typeName && input.responseSchema) {
    out.push(`/** The JSON body of a successful response. */`);
    out.push(interfaceDeclaration(typeName, input.responseSchema), '');
  }
  out.push(...credentialLines(input, typed));
  if (out.length > 0 && out[out.length - 1] !== '') out.push('');
  out.push(`async function main()${typed ? ': Promise<void>' : ''} {`);
  out.push(...mainBody(input, typed, typeName).map((line) => (line ? `  ${line}` : line)));
  out.push(`}`, ``);
  out.push(
    `main().catch((error${typed ? ': unknown' : ''}) => {`,
    `  console.error(error instanceof Error ? error.message : error);`,
    `  process.exitCode = 1;`,
    `});`,
  );
  return `${out.join('\n')}\n`;
}

/** TypeScript for Node.js 18+: fetch, Basic via Buffer (UTF-8), a typed response. */
export const typescriptTarget: SnippetTarget = {
  id: 'typescript',
  label: 'TypeScript',
  language: 'typescript',
  fileName: 'request.ts',
  generate: (input) => generateFetchProgram(input, true),
};

import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

/** The no-restricted-imports messages ESLint gives one import line placed at `filePath`. */
async function restrictedImports(filePath: string, specifier: string): Promise<string[]> {
  const code = `import value from '${specifier}';\nexport default value;\n`;
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, filePath) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

// Plain .js files under the same globs: the layering rule applies to every file in a folder,
// and .js avoids the type-checked parser, which only knows files on disk.
describe('lint enforces the layering', () => {
  it.each([
    ['browser code importing the proxy', 'src/lib/playground/x.js', '../proxy/handler.ts'],
    ['browser code importing the mock', 'src/lib/request/x.js', '../mock/auth.ts'],
    [
      'a component importing the server layer',
      'src/components/playground/x.js',
      '../../lib/server/precompressed.ts',
    ],
    ['browser code importing node:', 'src/components/x.js', 'node:fs'],
    ['browser code importing a bare Node built-in', 'src/lib/snippets/x.js', 'path'],
    [
      'a library importing a component',
      'src/lib/openapi/x.js',
      '../../components/playground/operations.ts',
    ],
    [
      'a browser library importing a component',
      'src/lib/playground/x.js',
      '../../components/playground/highlight.ts',
    ],
  ])('refuses %s', async (_name, filePath, specifier) => {
    expect(await restrictedImports(filePath, specifier)).toHaveLength(1);
  });

  it.each([
    [
      'browser code importing the shared contract',
      'src/lib/playground/x.js',
      '../request/proxy-contract.ts',
    ],
    [
      'a component importing browser libraries',
      'src/components/playground/x.js',
      '../../lib/playground/send.ts',
    ],
    ['server code importing the request model', 'src/lib/proxy/x.js', '../request/types.ts'],
    ['server code importing node:', 'src/lib/server/x.js', 'node:fs'],
  ])('allows %s', async (_name, filePath, specifier) => {
    expect(await restrictedImports(filePath, specifier)).toEqual([]);
  });
});

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOpenApiDocument } from '../../src/lib/openapi/load.ts';
import { toOperationModels } from '../../src/lib/openapi/operations.ts';
import { buildRequest } from '../../src/lib/request/build.ts';
import { SNIPPET_CASES } from '../../src/lib/snippets/cases.ts';
import { typescriptTarget } from '../../src/lib/snippets/typescript/typescript.ts';
import type { CredentialMode, SnippetAuth } from '../../src/lib/snippets/types.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const workDir = mkdtempSync(join(tmpdir(), 'snippets-tsc-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('TypeScript snippets type-check with tsc --strict', () => {
  it('every case, both credential modes, Basic and OAuth2, in one tsc run', async () => {
    const operations = toOperationModels(
      await loadOpenApiDocument(resolve(ROOT, 'src/openapi/numbers.yaml')),
    );
    const files: string[] = [];
    for (const [index, testCase] of SNIPPET_CASES.entries()) {
      if (testCase.invalidField) continue;
      const operation = operations.find((candidate) => candidate.id === testCase.operation.core)!;
      const result = buildRequest({
        operation,
        serverUrl: 'https://numbers.api.sinch.com',
        params: { projectId: testCase.projectId, ...testCase.params },
        body: testCase.body ?? null,
        auth: { type: 'basic', username: testCase.keyId, password: testCase.keySecret },
      });
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      for (const mode of ['inline', 'env'] as CredentialMode[]) {
        for (const auth of [
          { type: 'basic', keyId: testCase.keyId, keySecret: testCase.keySecret },
          {
            type: 'oauth2',
            keyId: testCase.keyId,
            keySecret: testCase.keySecret,
            tokenUrl: 'https://auth.sinch.com/oauth2/token',
          },
        ] as SnippetAuth[]) {
          const file = join(workDir, `case-${index}-${mode}-${auth.type}.ts`);
          writeFileSync(
            file,
            typescriptTarget.generate({
              request: result.value,
              auth,
              credentialMode: mode,
              projectId: testCase.projectId,
              ...(operation.responseSchema ? { responseSchema: operation.responseSchema } : {}),
              responseTypeName: 'ResponseBody',
            }),
          );
          files.push(file);
        }
      }
    }
    writeFileSync(
      join(workDir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'es2022',
          module: 'nodenext',
          moduleDetection: 'force',
          erasableSyntaxOnly: true,
          skipLibCheck: true,
          types: ['node'],
          typeRoots: [resolve(ROOT, 'node_modules/@types')],
        },
        include: ['*.ts'],
      }),
    );
    const tsc = resolve(ROOT, 'node_modules/typescript/bin/tsc');
    const outcome = await promisify(execFile)(process.execPath, [tsc, '-p', workDir]).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => error,
    );
    expect(outcome.stdout).toBe('');
    expect(outcome.code).toBe(0);
    expect(files.length).toBeGreaterThan(150);
  }, 120_000);
});

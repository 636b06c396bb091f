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
import {
  collectFixtureCases,
  FILE_NAME,
  fixtureSnippetInput,
  hasFixtures,
  prepareFixtureCase,
} from '../support/fixture-cases.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const workDir = mkdtempSync(join(tmpdir(), 'snippets-tsc-'));
const fixturesDir = mkdtempSync(join(tmpdir(), 'snippets-tsc-fixtures-'));
afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
  rmSync(fixturesDir, { recursive: true, force: true });
});

/** Type-checks every `.ts` file in `dir` with one strict `tsc` run; returns its exit code and output. */
async function typecheck(dir: string): Promise<{ code: number; stdout: string }> {
  writeFileSync(
    join(dir, 'tsconfig.json'),
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
  return promisify(execFile)(process.execPath, [tsc, '-p', dir], {
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    () => ({ code: 0, stdout: '' }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
}

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
    expect(await typecheck(workDir)).toEqual({ code: 0, stdout: '' });
    expect(files.length).toBeGreaterThan(150);
  }, 120_000);
});

describe.skipIf(!hasFixtures)(
  'TypeScript snippets of every Sinch fixture operation type-check (skipped where ../shared/fixtures is absent)',
  () => {
    it('every case of the execution table, in one tsc run', async () => {
      const cases = await collectFixtureCases();
      for (const testCase of cases) {
        const prepared = prepareFixtureCase(
          testCase,
          'https://example.api.sinch.com',
          join(fixturesDir, FILE_NAME),
        );
        writeFileSync(
          join(fixturesDir, `${testCase.id}.ts`),
          typescriptTarget.generate(
            fixtureSnippetInput(testCase, prepared, 'https://auth.sinch.com/oauth2/token'),
          ),
        );
      }
      expect(await typecheck(fixturesDir)).toEqual({ code: 0, stdout: '' });
      expect(cases.length).toBeGreaterThan(200);
    }, 300_000);
  },
);

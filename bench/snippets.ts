/** Median time to generate every snippet target, inline and env, for one request. */
import { resolve } from 'node:path';
import { loadOpenApiDocument } from '../src/lib/openapi/load.ts';
import { toOperationModels } from '../src/lib/openapi/operations.ts';
import { buildRequest } from '../src/lib/request/build.ts';
import { SNIPPET_TARGETS } from '../src/lib/snippets/index.ts';
import { summarise } from './stats.ts';

/** Times building the request plus all targets; returns per-round statistics in milliseconds. */
export async function run(rounds = 2000): Promise<Record<string, unknown>> {
  const document = await loadOpenApiDocument(
    resolve(import.meta.dirname, '../src/openapi/numbers.yaml'),
  );
  const operation = toOperationModels(document).find(
    (model) => model.id === 'listAvailableNumbers',
  )!;
  const once = (): number => {
    const started = performance.now();
    const built = buildRequest({
      operation,
      serverUrl: 'https://numbers.api.sinch.com',
      params: {
        projectId: 'demo-project',
        regionCode: 'US',
        type: 'LOCAL',
        capabilities: ['SMS', 'VOICE'],
      },
      auth: { type: 'basic', username: 'demo-key', password: 'demo-secret' },
    });
    if (!built.ok) throw new Error('benchmark request is invalid');
    for (const target of SNIPPET_TARGETS) {
      for (const credentialMode of ['inline', 'env'] as const) {
        target.generate({
          request: built.value,
          auth: { type: 'basic', keyId: 'demo-key', keySecret: 'demo-secret' },
          credentialMode,
          projectId: 'demo-project',
          ...(operation.responseSchema ? { responseSchema: operation.responseSchema } : {}),
          responseTypeName: 'ListAvailableNumbersResponse',
        });
      }
    }
    return performance.now() - started;
  };
  for (let i = 0; i < 200; i++) once();
  const samples = Array.from({ length: rounds }, once);
  return {
    targets: SNIPPET_TARGETS.map((target) => target.id),
    snippetsPerRound: SNIPPET_TARGETS.length * 2,
    allTargetsMs: summarise(samples),
  };
}

if (import.meta.main) console.log(JSON.stringify(await run(), null, 2));

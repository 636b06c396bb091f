import type { OperationModel } from '../../lib/openapi/types.ts';
import { loadReferenceApis } from '../../lib/reference/documents.ts';

let cache: Promise<Map<string, OperationModel>> | undefined;

/**
 * Every operation a page may embed, by operation id (build time only). Reuses the reference
 * pages' loaded documents, so each document is parsed and dereferenced once per build.
 */
export function playgroundOperations(): Promise<Map<string, OperationModel>> {
  cache ??= loadReferenceApis().then(
    (apis) =>
      new Map(apis.flatMap((api) => api.operations.map((model) => [model.id, model] as const))),
  );
  return cache;
}

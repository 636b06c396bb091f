import { parse } from 'yaml';
import { loadOpenApiDocument } from '../../lib/openapi/load.ts';
import { toOperationModels } from '../../lib/openapi/operations.ts';
import type { OperationModel } from '../../lib/openapi/types.ts';
import { registeredDocumentTexts } from '../../lib/reference/documents.ts';

let cache: Promise<Map<string, OperationModel>> | undefined;

/** Every operation a page may embed, by operation id, from our OpenAPI documents (build time only). */
export function playgroundOperations(): Promise<Map<string, OperationModel>> {
  cache ??= (async () => {
    const models = new Map<string, OperationModel>();
    for (const text of registeredDocumentTexts()) {
      const document = await loadOpenApiDocument(parse(text) as object);
      for (const model of toOperationModels(document)) models.set(model.id, model);
    }
    return models;
  })();
  return cache;
}

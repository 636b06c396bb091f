import SwaggerParser from '@apidevtools/swagger-parser';

/** A dereferenced OpenAPI 3 document: every `$ref` replaced by what it points at. */
export type OpenApiDocument = Record<string, unknown>;

/**
 * Reads an OpenAPI document (a YAML/JSON path or an object) and resolves every `$ref`.
 * Build-time and test-time only: it pulls in Node modules, so browser code never imports it.
 */
export async function loadOpenApiDocument(source: string | object): Promise<OpenApiDocument> {
  const input = typeof source === 'string' ? source : structuredClone(source);
  const document: unknown = await SwaggerParser.dereference(
    input as Parameters<typeof SwaggerParser.dereference>[0],
  );
  return document as OpenApiDocument;
}

import { existsSync } from 'node:fs';
import { loadOpenApiDocument } from '../openapi/load.ts';
import { toOperationModels } from '../openapi/operations.ts';
import type { OperationModel } from '../openapi/types.ts';
import { UsageError } from './errors.ts';

/**
 * Loads an OpenAPI 3.0/3.1 document (YAML or JSON) for the command-line tools, turning a missing,
 * unparseable or non-OpenAPI-3 file into a UsageError that names the file.
 */
export async function loadCliOperations(path: string): Promise<OperationModel[]> {
  if (!existsSync(path)) throw new UsageError(`${path}: no such file.`);
  let document: Record<string, unknown>;
  try {
    document = await loadOpenApiDocument(path);
  } catch (error) {
    throw new UsageError(`${path}: cannot be read as OpenAPI: ${(error as Error).message}`);
  }
  const version = document['openapi'];
  if (typeof version !== 'string' || !/^3\.[01]\./.test(version))
    throw new UsageError(`${path}: "openapi" must be 3.0.x or 3.1.x, found ${String(version)}.`);
  return toOperationModels(document);
}

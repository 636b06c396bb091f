import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadOpenApiDocument, type OpenApiDocument } from '../openapi/load.ts';
import { toOperationModels } from '../openapi/operations.ts';
import type { OperationModel } from '../openapi/types.ts';
import { API_REGISTRY, type ApiEntry } from './registry.ts';
import { SCALE_API, scaleBenchEnabled, scaleDocumentText } from './scale-bench.ts';

/**
 * Text of every document in src/openapi/, by file name: bundled by Vite in the site build; read
 * from the folder when the production server layer runs this module directly under Node, where
 * `import.meta.glob` does not exist.
 */
function ownDocumentTexts(): Record<string, string> {
  let bundled: Record<string, string>;
  try {
    bundled = import.meta.glob<string>('../../openapi/*.yaml', {
      query: '?raw',
      import: 'default',
      eager: true,
    });
  } catch {
    const folder = new URL('../../openapi/', import.meta.url);
    return Object.fromEntries(
      readdirSync(folder)
        .filter((name) => name.endsWith('.yaml'))
        .map((name) => [name, readFileSync(new URL(name, folder), 'utf8')]),
    );
  }
  return Object.fromEntries(
    Object.entries(bundled).map(([path, text]) => [path.slice(path.lastIndexOf('/') + 1), text]),
  );
}

/** Our documents, and the benchmark's generated one when it asked for it. */
const DOCUMENT_TEXTS: Record<string, string> = {
  ...ownDocumentTexts(),
  ...(scaleBenchEnabled() ? { [SCALE_API.document]: scaleDocumentText() } : {}),
};

/** One registered API with its dereferenced document and its operations. */
export interface ReferenceApi {
  entry: ApiEntry;
  document: OpenApiDocument;
  operations: OperationModel[];
}

/** The YAML text of a registered document, or an error naming the entry that points at nothing. */
export function documentText(entry: ApiEntry): string {
  const text = DOCUMENT_TEXTS[entry.document];
  if (text === undefined)
    throw new Error(
      `API registry entry "${entry.slug}": document "${entry.document}" is not in src/openapi/.`,
    );
  return text;
}

/** Throws when two registered APIs share an operationId: the playground looks operations up by it. */
export function assertUniqueOperationIds(
  apis: readonly Pick<ReferenceApi, 'entry' | 'operations'>[],
): void {
  const owner = new Map<string, string>();
  for (const { entry, operations } of apis) {
    for (const { id } of operations) {
      const previous = owner.get(id);
      if (previous !== undefined)
        throw new Error(
          `operationId "${id}" is in both "${previous}" and "${entry.slug}"; operation IDs must be unique across registered APIs.`,
        );
      owner.set(id, entry.slug);
    }
  }
}

/**
 * A document's text as data: JSON straight through JSON.parse, anything else (or JSON that is
 * not strict) as YAML. JSON is YAML too, but the YAML parser takes seconds over the thousand
 * operations of the generated scale document, which is JSON.
 */
export function parseDocumentText(text: string): unknown {
  if (text.trimStart().startsWith('{')) {
    try {
      return JSON.parse(text);
    } catch {
      // A YAML flow mapping, or JSON with comments or trailing commas: YAML reads those.
    }
  }
  return parse(text);
}

let cache: Promise<ReferenceApi[]> | undefined;

/** Every registered API, loaded and dereferenced once per build. */
export function loadReferenceApis(): Promise<ReferenceApi[]> {
  cache ??= (async () => {
    const apis = await Promise.all(
      API_REGISTRY.map(async (entry) => {
        const document = await loadOpenApiDocument(
          parseDocumentText(documentText(entry)) as object,
        );
        return { entry, document, operations: toOperationModels(document) };
      }),
    );
    assertUniqueOperationIds(apis);
    return apis;
  })();
  return cache;
}

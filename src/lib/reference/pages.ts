import type { ReferenceApi } from './documents.ts';
import { toReferenceOperation, type ReferenceOperation } from './operation.ts';

/**
 * Every operation page of the registered APIs, in registry and document order. Throws when two
 * operations of one API would share a page path (their ids differ only in case or punctuation).
 */
export function referencePages(apis: readonly ReferenceApi[]): ReferenceOperation[] {
  const byPath = new Map<string, ReferenceOperation>();
  for (const { entry, document, operations } of apis) {
    for (const model of operations) {
      const page = toReferenceOperation(entry, document, model);
      const previous = byPath.get(page.pagePath);
      if (previous)
        throw new Error(
          `operationIds "${previous.model.id}" and "${model.id}" both map to ${page.pagePath}; rename one.`,
        );
      byPath.set(page.pagePath, page);
    }
  }
  return [...byPath.values()];
}

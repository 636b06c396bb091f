import type { ReferenceApi } from './documents.ts';
import { toReferenceOperation, type ReferenceOperation } from './operation.ts';
import { declaredTags, groupByTag, type TagGroup } from './tags.ts';

/**
 * Pages already collected, by the loaded APIs (one array per build): every reference route and
 * llms.txt ask for them, and a thousand operations take a while to collect.
 */
const pagesOf = new WeakMap<readonly ReferenceApi[], ReferenceOperation[]>();

/**
 * Every operation page of the registered APIs, in registry and document order. Throws when two
 * operations of one API would share a page path (their ids differ only in case or punctuation).
 */
export function referencePages(apis: readonly ReferenceApi[]): ReferenceOperation[] {
  let pages = pagesOf.get(apis);
  if (pages === undefined) {
    pages = collectPages(apis);
    pagesOf.set(apis, pages);
  }
  return pages;
}

/** Collects the pages of referencePages, checking that no two share a path. */
function collectPages(apis: readonly ReferenceApi[]): ReferenceOperation[] {
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

/** An API overview: its title, description (from the document's info) and pages grouped by tag. */
// A type alias, not an interface, so it can be a page's props (which need an index signature).
export type ApiOverviewData = {
  title: string;
  summary: string;
  description: string;
  groups: TagGroup<ReferenceOperation>[];
};

/** What an API's overview page and its Markdown twin show. */
export function apiOverview(
  api: ReferenceApi,
  pages: readonly ReferenceOperation[],
): ApiOverviewData {
  const info = api.document['info'];
  const description =
    typeof info === 'object' &&
    info !== null &&
    'description' in info &&
    typeof info.description === 'string'
      ? info.description
      : api.entry.description;
  return {
    title: api.entry.title,
    summary: api.entry.description,
    description,
    groups: groupByTag(
      pages
        .filter((page) => page.api.slug === api.entry.slug)
        .map((page) => ({ ...page, tags: page.model.tags })),
      declaredTags(api.document),
    ),
  };
}

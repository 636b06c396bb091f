import type { OperationModel } from '../openapi/types.ts';
import type { ApiEntry } from './registry.ts';
import { operationPath } from './slug.ts';
import { declaredTags, groupByTag } from './tags.ts';

/** A Starlight sidebar link or group, as astro.config.mjs takes them. */
export type SidebarItem =
  { label: string; link: string } | { label: string; collapsed?: boolean; items: SidebarItem[] };

/** The site path of an API's overview page. */
export function overviewPath(apiSlug: string): string {
  return `/reference/${apiSlug}/`;
}

/**
 * The "API reference" sidebar group: one collapsed group per registered API, with its overview
 * and its operations grouped by tag, in registry order.
 */
export function referenceSidebar(
  apis: readonly {
    entry: ApiEntry;
    document: Record<string, unknown>;
    operations: readonly OperationModel[];
  }[],
): SidebarItem {
  return {
    label: 'API reference',
    items: apis.map(({ entry, document, operations }) => ({
      label: entry.sidebarLabel,
      collapsed: true,
      items: [
        { label: 'Overview', link: overviewPath(entry.slug) },
        ...groupByTag(operations, declaredTags(document)).map((group) => ({
          label: group.name,
          items: group.operations.map((operation) => ({
            label: operation.summary || operation.id,
            link: operationPath(entry.slug, operation.id),
          })),
        })),
      ],
    })),
  };
}

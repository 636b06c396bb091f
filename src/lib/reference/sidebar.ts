import type { OperationModel } from '../openapi/types.ts';
import type { ApiEntry } from './registry.ts';
import { operationPath, tagAnchor } from './slug.ts';
import { declaredTags, groupByTag, UNTAGGED, type TagGroup } from './tags.ts';

/** A Starlight sidebar group of links or further groups. */
export interface SidebarGroup {
  label: string;
  collapsed?: boolean;
  items: SidebarItem[];
}

/** A Starlight sidebar entry, as astro.config.mjs and `<StarlightPage sidebar>` take them. */
export type SidebarItem =
  { label: string; link: string } | { label: string; slug: string } | SidebarGroup;

/** What the reference sidebar is built from: each registered API and its operations. */
export interface SidebarApi {
  entry: ApiEntry;
  document: Record<string, unknown>;
  operations: readonly OperationModel[];
}

/** Where a page sits in the reference: its API and the tag group its operation is listed in. */
export interface SidebarPosition {
  apiSlug: string;
  tag: string;
}

/**
 * APIs with more operations than this list their tags in the sidebar (each a link to its section
 * of the overview) instead of every operation: a thousand links on every page would be most of
 * its bytes and of the build's time. An operation page of such an API opens its own tag.
 */
export const SIDEBAR_OPERATION_LIMIT = 100;

/** The site path of an API's overview page. */
export function overviewPath(apiSlug: string): string {
  return `/reference/${apiSlug}/`;
}

/** Whether an API lists its tags rather than its operations in the sidebar. */
export function listsTagsOnly(
  operations: readonly unknown[],
  limit = SIDEBAR_OPERATION_LIMIT,
): boolean {
  return operations.length > limit;
}

/** The sidebar group an operation is listed under: its first tag, as groupByTag files it. */
export function sidebarPosition(apiSlug: string, operation: OperationModel): SidebarPosition {
  return { apiSlug, tag: operation.tags[0] ?? UNTAGGED };
}

const tagGroups = new WeakMap<readonly OperationModel[], TagGroup<OperationModel>[]>();

/** An API's operations grouped by tag, computed once per API (every page's sidebar asks). */
function groupsOf(api: SidebarApi): TagGroup<OperationModel>[] {
  let groups = tagGroups.get(api.operations);
  if (groups === undefined) {
    groups = groupByTag(api.operations, declaredTags(api.document));
    tagGroups.set(api.operations, groups);
  }
  return groups;
}

/**
 * The "API reference" sidebar group: one collapsed group per registered API, with its overview
 * and its operations grouped by tag, in registry order. An API over the limit lists its tags as
 * links to the overview's sections, except the tag at `current`, which lists its operations.
 */
export function referenceSidebar(
  apis: readonly SidebarApi[],
  current?: SidebarPosition,
  limit = SIDEBAR_OPERATION_LIMIT,
): SidebarGroup {
  return {
    label: 'API reference',
    items: apis.map((api) => {
      const { slug } = api.entry;
      const tagsOnly = listsTagsOnly(api.operations, limit);
      return {
        label: api.entry.sidebarLabel,
        collapsed: true,
        items: [
          { label: 'Overview', link: overviewPath(slug) },
          ...groupsOf(api).map((group) =>
            tagsOnly && (current?.apiSlug !== slug || current.tag !== group.name)
              ? { label: group.name, link: `${overviewPath(slug)}#${tagAnchor(group.name)}` }
              : {
                  label: group.name,
                  items: group.operations.map((operation) => ({
                    label: operation.summary || operation.id,
                    link: operationPath(slug, operation.id),
                  })),
                },
          ),
        ],
      };
    }),
  };
}

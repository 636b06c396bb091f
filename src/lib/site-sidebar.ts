/**
 * The site's sidebar: the hand-written guides, then the API reference generated from the
 * registry. astro.config.mjs gives it to Starlight; operation pages of APIs too large to list
 * every operation pass their own copy, with their tag opened, to `<StarlightPage>`.
 */
import type { OperationModel } from './openapi/types.ts';
import {
  listsTagsOnly,
  referenceSidebar,
  sidebarPosition,
  type SidebarApi,
  type SidebarItem,
} from './reference/sidebar.ts';

/** The hand-written guides, in reading order. Add a new guide here. */
export const GUIDES_SIDEBAR: readonly SidebarItem[] = [
  { label: 'Overview', slug: 'index' },
  {
    label: 'Authentication',
    items: [
      { label: 'Basic authentication', slug: 'authentication/basic' },
      { label: 'OAuth2 for production', slug: 'authentication/oauth2' },
    ],
  },
  {
    label: 'Numbers API',
    items: [
      { label: 'Search for available numbers', slug: 'numbers/available-numbers' },
      { label: 'Manage your numbers', slug: 'numbers/active-numbers' },
    ],
  },
];

/** The sidebar every page shows unless it passes its own. */
export function siteSidebar(apis: readonly SidebarApi[]): SidebarItem[] {
  return [...GUIDES_SIDEBAR, referenceSidebar(apis)];
}

/**
 * The sidebar of one operation's page: undefined (the site's) when its API lists every
 * operation, else the site's with the operation's tag opened, so the page shows its neighbours.
 */
export function operationSidebar(
  apis: readonly SidebarApi[],
  apiSlug: string,
  operation: OperationModel,
): SidebarItem[] | undefined {
  const api = apis.find(({ entry }) => entry.slug === apiSlug);
  if (api === undefined || !listsTagsOnly(api.operations)) return undefined;
  return [...GUIDES_SIDEBAR, referenceSidebar(apis, sidebarPosition(apiSlug, operation))];
}

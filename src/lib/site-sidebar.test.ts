import { describe, expect, it } from 'vitest';
import { loadOpenApiDocument } from './openapi/load.ts';
import { toOperationModels } from './openapi/operations.ts';
import { API_REGISTRY } from './reference/registry.ts';
import { SIDEBAR_OPERATION_LIMIT, type SidebarItem } from './reference/sidebar.ts';
import { scaleDocument } from './reference/scale-document.ts';
import { operationPath } from './reference/slug.ts';
import { GUIDES_SIDEBAR, operationSidebar, siteSidebar } from './site-sidebar.ts';

/** Every link of a sidebar, groups included. */
function links(items: readonly SidebarItem[]): string[] {
  return items.flatMap((item) =>
    'items' in item ? links(item.items) : 'link' in item ? [item.link] : [],
  );
}

const small = {
  entry: API_REGISTRY[0]!,
  document: {},
  operations: toOperationModels(
    await loadOpenApiDocument(scaleDocument({ operations: 6, tags: 2 })),
  ),
};
const largeDocument = await loadOpenApiDocument(
  scaleDocument({ operations: SIDEBAR_OPERATION_LIMIT + 20, tags: 6 }),
);
const large = {
  entry: { ...API_REGISTRY[0]!, slug: 'large' },
  document: largeDocument,
  operations: toOperationModels(largeDocument),
};

describe('siteSidebar', () => {
  it('lists the guides, then the API reference', () => {
    const sidebar = siteSidebar([small]);
    expect(sidebar.slice(0, GUIDES_SIDEBAR.length)).toEqual(GUIDES_SIDEBAR);
    expect(sidebar.at(-1)).toMatchObject({ label: 'API reference' });
    expect(links(sidebar)).toEqual(
      expect.arrayContaining(small.operations.map(({ id }) => operationPath(small.entry.slug, id))),
    );
  });

  it('keeps a large API to its overview and one link per tag', () => {
    const paths = links(siteSidebar([small, large])).filter((path) =>
      path.startsWith('/reference/large/'),
    );
    expect(paths[0]).toBe('/reference/large/');
    expect(paths.slice(1)).toHaveLength(6);
    for (const path of paths.slice(1)) expect(path).toMatch(/^\/reference\/large\/#[a-z0-9-]+$/);
  });
});

describe('operationSidebar', () => {
  it('leaves the pages of an API that lists every operation on the site sidebar', () => {
    expect(
      operationSidebar([small, large], small.entry.slug, small.operations[0]!),
    ).toBeUndefined();
  });

  it("lists every operation of a large API in the sidebar of its own page, with its tag's neighbours", () => {
    for (const operation of large.operations) {
      const sidebar = operationSidebar([small, large], 'large', operation)!;
      const paths = links(sidebar);
      expect(paths).toContain(operationPath('large', operation.id));
      const neighbours = large.operations.filter((other) => other.tags[0] === operation.tags[0]);
      expect(paths.filter((path) => /^\/reference\/large\/[^#]/.test(path))).toHaveLength(
        neighbours.length,
      );
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { OperationModel } from '../openapi/types.ts';
import { API_REGISTRY } from './registry.ts';
import { listsTagsOnly, referenceSidebar, sidebarPosition } from './sidebar.ts';

const operation = (id: string, summary: string, tags: string[]) =>
  ({ id, summary, tags }) as unknown as OperationModel;

const fax = API_REGISTRY.find((candidate) => candidate.slug === 'fax')!;
const faxApi = {
  entry: fax,
  document: { tags: [{ name: 'Faxes' }] },
  operations: [operation('sendFax', 'Send a fax', ['Faxes']), operation('ping', '', [])],
};
const largeApi = {
  entry: { ...fax, slug: 'large', sidebarLabel: 'Large API' },
  document: { tags: [{ name: 'Faxes' }, { name: 'Fax services' }] },
  operations: [
    operation('sendFax', 'Send a fax', ['Faxes']),
    operation('listFaxes', 'List faxes', ['Faxes']),
    operation('listServices', 'List services', ['Fax services', 'Faxes']),
    operation('ping', '', []),
  ],
};

describe('referenceSidebar', () => {
  it('gives each API an overview and its operations grouped by tag', () => {
    expect(referenceSidebar([faxApi])).toEqual({
      label: 'API reference',
      items: [
        {
          label: fax.sidebarLabel,
          collapsed: true,
          items: [
            { label: 'Overview', link: '/reference/fax/' },
            { label: 'Faxes', items: [{ label: 'Send a fax', link: '/reference/fax/send-fax/' }] },
            { label: 'Other operations', items: [{ label: 'ping', link: '/reference/fax/ping/' }] },
          ],
        },
      ],
    });
  });

  it('lists only the tags of an API over the limit, each linking to its overview section', () => {
    expect(referenceSidebar([faxApi, largeApi], undefined, 3).items[1]).toEqual({
      label: 'Large API',
      collapsed: true,
      items: [
        { label: 'Overview', link: '/reference/large/' },
        { label: 'Faxes', link: '/reference/large/#faxes' },
        { label: 'Fax services', link: '/reference/large/#fax-services' },
        { label: 'Other operations', link: '/reference/large/#other-operations' },
      ],
    });
  });

  it("opens the current operation's tag of an API over the limit, and leaves other APIs alone", () => {
    const current = sidebarPosition('large', largeApi.operations[2]!);
    expect(current).toEqual({ apiSlug: 'large', tag: 'Fax services' });
    const sidebar = referenceSidebar([faxApi, largeApi], current, 3);
    expect(sidebar.items[0]).toEqual(referenceSidebar([faxApi]).items[0]);
    expect(sidebar.items[1]).toMatchObject({
      items: [
        { label: 'Overview' },
        { label: 'Faxes', link: '/reference/large/#faxes' },
        {
          label: 'Fax services',
          items: [{ label: 'List services', link: '/reference/large/list-services/' }],
        },
        { label: 'Other operations', link: '/reference/large/#other-operations' },
      ],
    });
  });

  it('files an untagged operation under the group for operations without tags', () => {
    expect(sidebarPosition('large', largeApi.operations[3]!).tag).toBe('Other operations');
  });
});

describe('listsTagsOnly', () => {
  it.each([
    [3, 3, false],
    [4, 3, true],
    [100, undefined, false],
    [101, undefined, true],
  ])('%i operations with limit %s: %s', (count, limit, expected) => {
    expect(listsTagsOnly(Array.from({ length: count }), limit)).toBe(expected);
  });
});

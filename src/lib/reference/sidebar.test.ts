import { describe, expect, it } from 'vitest';
import type { OperationModel } from '../openapi/types.ts';
import { API_REGISTRY } from './registry.ts';
import { referenceSidebar } from './sidebar.ts';

const operation = (id: string, summary: string, tags: string[]) =>
  ({ id, summary, tags }) as unknown as OperationModel;

describe('referenceSidebar', () => {
  it('gives each API an overview and its operations grouped by tag', () => {
    const entry = API_REGISTRY.find((candidate) => candidate.slug === 'fax')!;
    expect(
      referenceSidebar([
        {
          entry,
          document: { tags: [{ name: 'Faxes' }] },
          operations: [operation('sendFax', 'Send a fax', ['Faxes']), operation('ping', '', [])],
        },
      ]),
    ).toEqual({
      label: 'API reference',
      items: [
        {
          label: entry.sidebarLabel,
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
});

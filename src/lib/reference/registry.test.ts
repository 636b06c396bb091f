import { describe, expect, it } from 'vitest';
import { API_REGISTRY, parseRegistry } from './registry.ts';

const valid = {
  slug: 'fax',
  title: 'Fax API',
  sidebarLabel: 'Fax',
  description: 'Faxes.',
  document: 'fax.yaml',
};

describe('parseRegistry', () => {
  it('accepts the registry the site ships', () => {
    expect(API_REGISTRY.map((entry) => entry.slug)).toEqual([
      'numbers',
      'oauth2',
      'fax',
      'template-management',
    ]);
  });

  it.each([
    [[{ ...valid, slug: 'Fax API' }], '0.slug: must be kebab-case'],
    [[{ ...valid, document: '../secrets.yaml' }], '0.document: must be a .yaml file name'],
    [[{ ...valid, title: '' }], '0.title'],
    [[valid, { ...valid, document: 'other.yaml' }], 'slug "fax" is used twice'],
    [[valid, { ...valid, slug: 'fax2' }], 'document "fax.yaml" is used twice'],
    ['not a list', 'Invalid API registry entry'],
  ])('refuses %j with a message naming the field', (entries, message) => {
    expect(() => parseRegistry(entries)).toThrow(message);
  });
});

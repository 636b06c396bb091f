import { describe, expect, it } from 'vitest';
import { markdownPath, operationPath, operationSlug, tagAnchor } from './slug.ts';

describe('operationSlug', () => {
  it.each([
    ['listAvailableNumbers', 'list-available-numbers'],
    ['NumberService_RentNumber', 'number-service-rent-number'],
    ['Templates_v2_ListTemplates', 'templates-v2-list-templates'],
    ['getHTTPStatus', 'get-http-status'],
    ['get2faCode', 'get2fa-code'],
    ['already-kebab', 'already-kebab'],
    ['  spaced  out ', 'spaced-out'],
  ])('%s → %s', (id, slug) => {
    expect(operationSlug(id)).toBe(slug);
  });

  it('refuses an id without letters or digits, naming it', () => {
    expect(() => operationSlug('__')).toThrow('operationId "__"');
  });
});

describe('paths', () => {
  it('builds the reference page path', () => {
    expect(operationPath('fax', 'sendFax')).toBe('/reference/fax/send-fax/');
  });
  it.each([
    ['/reference/fax/send-fax/', '/reference/fax/send-fax.md'],
    ['/authentication/basic/', '/authentication/basic.md'],
    ['/', '/index.md'],
  ])('markdownPath(%s) = %s', (page, md) => {
    expect(markdownPath(page)).toBe(md);
  });
});

describe('tagAnchor', () => {
  it.each([
    ['Available numbers', 'available-numbers'],
    ['Templates V2', 'templates-v2'],
    ['???', 'operations'],
  ])('%s → %s', (tag, anchor) => {
    expect(tagAnchor(tag)).toBe(anchor);
  });
});

import { describe, expect, it } from 'vitest';
import { basicAuthorization, utf8ToBase64, validateBasicCredentials } from './basic.ts';

describe('utf8ToBase64', () => {
  it.each([
    ['demo-key:demo-secret', 'ZGVtby1rZXk6ZGVtby1zZWNyZXQ='],
    ['clé:été', Buffer.from('clé:été', 'utf8').toString('base64')],
    ['日本:🙈', Buffer.from('日本:🙈', 'utf8').toString('base64')],
    ['', ''],
  ])('%s', (text, expected) => {
    expect(utf8ToBase64(text)).toBe(expected);
  });
});

describe('basicAuthorization', () => {
  it('joins with a colon and encodes UTF-8 (RFC 7617)', () => {
    expect(basicAuthorization('key', 'a:b')).toBe(
      `Basic ${Buffer.from('key:a:b').toString('base64')}`,
    );
  });
});

describe('validateBasicCredentials', () => {
  it.each([
    ['ke:y', 'secret', 'keyId', /":"/],
    ['', 'secret', 'keyId', /empty/],
    ['k\ney', 'secret', 'keyId', /LF/],
    ['k\rey', 'secret', 'keyId', /CR/],
    ['k\u0000ey', 'secret', 'keyId', /NUL/],
    ['key', 'se\tcret', 'keySecret', /TAB/],
    ['key', 'se\u007fcret', 'keySecret', /DEL/],
    ['key', 'se\u001bcret', 'keySecret', /U\+001B/],
    ['k'.repeat(257), 'secret', 'keyId', /longer than 256/],
    ['key', 's'.repeat(4097), 'keySecret', /longer than 4096/],
  ])('%j / %j names %s', (keyId, keySecret, field, message) => {
    const errors = validateBasicCredentials(keyId, keySecret);
    expect(errors.map((error) => error.field)).toContain(field);
    expect(errors.find((error) => error.field === field)?.message).toMatch(message);
  });

  it.each([
    ['demo-key', 'demo-secret'],
    ['key', ''],
    ['key', 'a:b'],
    ['日本', '🙈 é $ \' " \\'],
  ])('accepts %j / %j', (keyId, keySecret) => {
    expect(validateBasicCredentials(keyId, keySecret)).toEqual([]);
  });
});

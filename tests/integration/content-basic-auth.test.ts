import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const page = readFileSync(
  resolve(import.meta.dirname, '../../src/content/docs/authentication/basic.mdx'),
  'utf8',
)
  .replace(/\s+/g, ' ')
  .toLowerCase();

/** Each fact of the original Sinch page, as patterns any faithful rewording must still match. */
const FACTS: Array<[fact: string, patterns: RegExp[]]> = [
  ['works on all Sinch REST APIs', [/every sinch rest api|all sinch rest apis/]],
  ['simple, good for testing', [/quickest|simple/, /testing/]],
  ['for tests and prototypes only', [/testing only|test purposes only/, /prototypes/]],
  ['heavily rate limited', [/rate limits basic-auth calls heavily|heavily rate limited/]],
  ['limits change without warning', [/change at any time without (notice|warning)/]],
  ['production uses OAuth2 access tokens', [/production/, /oauth2 access tokens/]],
  ['header sent with every call', [/header of every single call|with every call/]],
  ['type Basic', [/authorization type, `basic`/]],
  ['key ID is the username', [/\*\*username\*\*: your \*\*key id\*\*/]],
  ['key secret is the password', [/\*\*password\*\*: your \*\*key secret\*\*/]],
  ['Customer Dashboard, New Key', [/customer dashboard/, /\*\*new key\*\*/]],
  ['beta dashboard too', [/beta version of the customer dashboard/]],
  [
    'copy project ID, key ID and secret',
    [/\*\*project id\*\*, the \*\*key id\*\* and the \*\*key secret\*\*/],
  ],
  ['secret shown only once', [/secret is shown only once, when the key is created/]],
  ['keep it safe', [/somewhere safe/]],
  ['project ID and key ID stay visible', [/project id and key id stay visible/]],
  ['lost secret means a new key', [/lose the secret/, /generate a new key/]],
  ['client_id and client_secret', [/`client_id`/, /`client_secret`/]],
  [
    'worked example: US LOCAL with the Numbers API and curl -u',
    [/numbers api/, /regioncode=us&type=local/, /curl /, / -u /],
  ],
  [
    'next step: search for a number',
    [/next step: search for a number/, /numbers\/available-numbers/],
  ],
  ['header is Base64 of keyId:keySecret', [/base64/, /key_id:your_key_secret/]],
  ['encoding, not encryption, so HTTPS only', [/encoding, not encryption/, /https/]],
  ['401 for wrong credentials', [/401 unauthorized/]],
  ['403 for a key without project access', [/403 forbidden/]],
  ['429 for the rate limit', [/429 too many requests/, /retry-after/]],
];

describe('Basic authentication page keeps every fact', () => {
  it.each(FACTS)('%s', (_fact, patterns) => {
    for (const pattern of patterns) expect(page).toMatch(pattern);
  });
});

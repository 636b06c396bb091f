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
  ['works on all Sinch REST APIs', [/(every|all) sinch rest apis?/]],
  ['simple, good for testing', [/quick|simple|easy/, /test/]],
  ['for tests and prototypes only', [/test(ing|s)? (purposes )?only|only .{0,40}test/, /prototyp/]],
  ['heavily rate limited', [/heav\w*.{0,30}rate limit|rate limit.{0,40}heav/]],
  ['limits change without warning', [/change.{0,30}without (any )?(notice|warning)/]],
  ['production uses OAuth2 access tokens', [/production.{0,80}oauth ?2?.{0,40}tokens?/]],
  [
    'header sent with every call',
    [/authorization.{0,20}header/, /(every|each)( single)? (call|request)/],
  ],
  ['type Basic', [/type.{0,20}`basic`|`basic`.{0,20}type/]],
  ['key ID is the username', [/username.{0,20}key id|key id.{0,30}username/]],
  ['key secret is the password', [/password.{0,20}key secret|key secret.{0,30}password/]],
  ['Customer Dashboard, New Key', [/customer dashboard/, /new key/]],
  ['beta dashboard too', [/beta.{0,40}dashboard/]],
  ['copy project ID, key ID and secret', [/copy.{0,30}project id.{0,20}key id.{0,20}key secret/]],
  ['secret shown only once, at creation', [/secret.{0,30}only once/, /creat/]],
  ['keep it safe', [/safe/]],
  [
    'project ID and key ID stay visible',
    [/project id and( the)? key id.{0,40}(visible|available)/],
  ],
  [
    'lost secret means a new key',
    [/(lose|lost|misplace).{0,20}secret/, /(generate|create) a new key/],
  ],
  ['client_id and client_secret', [/`client_id`/, /`client_secret`/]],
  [
    'worked example: US LOCAL with the Numbers API and curl -u',
    [/numbers api/, /availablenumbers\?regioncode=us&type=local/, /curl /, / (-u|--user) /],
  ],
  ['placeholders replaced, braces included', [/braces/, /\{your_key_id\}/]],
  [
    'next step: search for a number',
    [/next step.{0,20}search for a number/, /\/numbers\/available-numbers\//],
  ],
  ['header is Base64 of keyId:keySecret', [/base64/, /key_id:your_key_secret/]],
  ['encoding, not encryption, so HTTPS only', [/encoding,? not encryption/, /only.{0,30}https/]],
  ['401 for an unknown key or wrong secret', [/401/, /unknown|wrong|does not match/]],
  ['403 for a key without project access', [/403.{0,120}(no access|not .{0,20}access)/]],
  ['429 for the Basic rate limit', [/429.{0,120}rate limit/]],
];

describe('Basic authentication page keeps every fact', () => {
  it.each(FACTS)('%s', (_fact, patterns) => {
    for (const pattern of patterns) expect(page).toMatch(pattern);
  });
});

import type { ParameterValues } from '../request/types.ts';

/** One row of the table every snippet target must pass. */
export interface SnippetCase {
  name: string;
  /** Operation id in our Numbers document (`core`) or in Sinch's own document (`sinch`). */
  operation: { core: string; sinch: string };
  keyId: string;
  keySecret: string;
  projectId: string;
  params: ParameterValues;
  body?: string;
  /** For invalid inputs: the field the error must name. */
  invalidField?: string;
}

const LIST = { core: 'listAvailableNumbers', sinch: 'NumberService_ListAvailableNumbers' };
const UPDATE = { core: 'updateActiveNumber', sinch: 'NumberService_UpdateActiveNumber' };
const GET_ONE = { core: 'getAvailableNumber', sinch: 'NumberService_GetAvailableNumber' };
/** Sinch's rent operation has a `:rent` suffix; our document has none, so core uses GET_ONE. */
const RENT = { core: 'getAvailableNumber', sinch: 'NumberService_RentNumber' };
const US_LOCAL = { regionCode: 'US', type: 'LOCAL' };

/** A case on the list operation with the given credentials. */
function credentials(name: string, keyId: string, keySecret: string): SnippetCase {
  return { name, operation: LIST, keyId, keySecret, projectId: 'demo-project', params: US_LOCAL };
}

/** A case with a given query parameter value. */
function query(name: string, params: ParameterValues): SnippetCase {
  return {
    name,
    operation: LIST,
    keyId: 'demo-key',
    keySecret: 'demo-secret',
    projectId: 'demo-project',
    params: { ...US_LOCAL, ...params },
  };
}

/** A case with a JSON body on the update operation. */
function body(name: string, text: string): SnippetCase {
  return {
    name,
    operation: UPDATE,
    keyId: 'demo-key',
    keySecret: 'demo-secret',
    projectId: 'demo-project',
    params: { phoneNumber: '+12065550100' },
    body: text,
  };
}

/** The shared case table: nasty credentials, parameters, bodies and paths, plus invalid inputs. */
export const SNIPPET_CASES: readonly SnippetCase[] = [
  credentials('plain credentials', 'demo-key', 'demo-secret'),
  credentials('single quote in secret', 'key', "it's"),
  credentials('double quote in secret', 'key', 'say "hi"'),
  credentials('dollar in secret', 'key', '$HOME$(id)${PATH}'),
  credentials('backtick in secret', 'key', '`id`'),
  credentials('backslash in secret', 'key', 'back\\slash\\'),
  credentials('exclamation mark', 'key', 'bang!!'),
  credentials('percent signs', 'key', '100%25%s%n'),
  credentials('ampersand and semicolon', 'key', 'a&b;c'),
  credentials('pipe and hash', 'key', 'a|b#c'),
  credentials('asterisk glob', 'key', '*'),
  credentials('spaces', 'my key', ' spaced  secret '),
  credentials('leading dash', '-key', '--secret'),
  credentials('leading at sign', '@key', '@secret'),
  credentials('colon in secret', 'key', 'a:b:c'),
  credentials('accented letters', 'clé', 'été'),
  credentials('Japanese', '日本', '日本語の秘密'),
  credentials('emoji', 'key🔑', 'secret🙈'),
  credentials('1 KB secret', 'key', 'x'.repeat(1024)),
  credentials('empty secret', 'key', ''),
  credentials('braces and brackets', '{key}', '[s]{e}(c)<r>'),
  credentials('tilde and caret', '~key', '^s~'),
  query('plus in pattern', { 'numberPattern.pattern': '+1' }),
  query('ampersand in pattern', { 'numberPattern.pattern': 'a&b' }),
  query('equals in pattern', { 'numberPattern.pattern': 'a=b' }),
  query('hash in pattern', { 'numberPattern.pattern': '#1' }),
  query('slash in pattern', { 'numberPattern.pattern': '1/2' }),
  query('percent in pattern', { 'numberPattern.pattern': '%41' }),
  query('question mark in pattern', { 'numberPattern.pattern': '?x' }),
  query('space in pattern', { 'numberPattern.pattern': '2 06' }),
  query('non-ASCII in pattern', { 'numberPattern.pattern': 'ö日🙂' }),
  query('array of capabilities', { capabilities: ['SMS', 'VOICE'] }),
  query('dotted names', { 'numberPattern.pattern': '206', 'numberPattern.searchPattern': 'START' }),
  query('empty optional left out', { 'numberPattern.pattern': '', size: '' }),
  query('quote in pattern', { 'numberPattern.pattern': '\'"' }),
  body('JSON body with quotes', '{"displayName":"say \\"hi\\""}'),
  body('JSON body with newlines', '{\n  "displayName": "line"\n}\n'),
  body('JSON body with non-ASCII', '{"displayName":"Café 日本 🙂"}'),
  body('JSON body with single quote', `{"displayName":"it's"}`),
  body('JSON string body with leading @', '"@file.json"'),
  body('JSON body with dollar and backticks', '{"displayName":"$(id) `id` ${X}"}'),
  {
    name: 'plus in path parameter',
    operation: GET_ONE,
    keyId: 'demo-key',
    keySecret: 'demo-secret',
    projectId: 'demo-project',
    params: { phoneNumber: '+46700000000' },
  },
  {
    name: 'path with :rent suffix',
    operation: RENT,
    keyId: 'demo-key',
    keySecret: 'demo-secret',
    projectId: 'demo-project',
    params: { phoneNumber: '+12065550100' },
    body: '{}',
  },
  {
    name: 'project ID with spaces and slash',
    operation: LIST,
    keyId: 'demo-key',
    keySecret: 'demo-secret',
    projectId: 'my project/1',
    params: US_LOCAL,
  },
  { ...credentials('colon in key ID', 'ke:y', 'secret'), invalidField: 'keyId' },
  { ...credentials('CR in key ID', 'ke\ry', 'secret'), invalidField: 'keyId' },
  { ...credentials('LF in secret', 'key', 'sec\nret'), invalidField: 'keySecret' },
  { ...credentials('NUL in secret', 'key', 'sec\u0000ret'), invalidField: 'keySecret' },
  { ...credentials('TAB in key ID', 'k\tey', 'secret'), invalidField: 'keyId' },
  { ...credentials('DEL in secret', 'key', 'sec\u007fret'), invalidField: 'keySecret' },
  { ...query('missing required regionCode', { regionCode: '' }), invalidField: 'regionCode' },
  { ...body('invalid JSON body', '{"displayName": }'), invalidField: 'body' },
  { ...credentials('empty key ID', '', 'secret'), invalidField: 'keyId' },
];

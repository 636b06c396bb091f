import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationModel } from '../../src/lib/openapi/types.ts';
import { buildRequest, prepareRequest } from '../../src/lib/request/build.ts';
import type { ParameterValues } from '../../src/lib/request/types.ts';
import { curlTarget } from '../../src/lib/snippets/curl/curl.ts';
import { SNIPPET_TARGETS } from '../../src/lib/snippets/index.ts';
import { startEchoServer, type EchoServer } from '../support/echo-server.ts';
import { SNIPPET_RUNNERS } from '../support/snippet-runners.ts';

const run = promisify(execFile);
let echo: EchoServer;
beforeAll(async () => {
  echo = await startEchoServer();
});
afterAll(() => echo.close());

const OPERATION: OperationModel = {
  id: 'search',
  method: 'POST',
  path: '/v1/projects/{projectId}/items/{item}:rent',
  summary: '',
  description: '',
  tags: [],
  deprecated: false,
  servers: [],
  parameters: [
    {
      name: 'projectId',
      in: 'path',
      required: true,
      description: '',
      schema: {},
      deprecated: false,
    },
    { name: 'item', in: 'path', required: true, description: '', schema: {}, deprecated: false },
    { name: 'q', in: 'query', required: false, description: '', schema: {}, deprecated: false },
    {
      name: 'tags',
      in: 'query',
      required: false,
      description: '',
      schema: { type: 'array' },
      deprecated: false,
    },
  ],
  requestBody: { contentType: 'application/json', required: false, schema: {} },
  security: ['basic'],
};

// Full Unicode (any code point, not lone surrogates), minus what a header cannot carry.
const text = fc.string({ unit: 'grapheme', maxLength: 40 });
const headerSafe = text.map((value) => value.replace(/[\u0000-\u001f\u007f]/g, ''));
const keyId = headerSafe.map((value) => value.replaceAll(':', '') || 'k');
const nonEmpty = text.filter((value) => value !== '');

describe('curl snippets round-trip random input through a real server', () => {
  it('credentials, path and query values, and JSON bodies arrive exactly', async () => {
    let counter = 0;
    await fc.assert(
      fc.asyncProperty(
        keyId,
        headerSafe,
        nonEmpty,
        nonEmpty,
        text,
        fc.array(nonEmpty, { maxLength: 3 }),
        fc.jsonValue(),
        async (username, password, projectId, item, q, tags, json) => {
          const base = `/prop-${++counter}`;
          const result = buildRequest({
            operation: OPERATION,
            serverUrl: echo.origin + base,
            params: { projectId, item, q, tags },
            body: JSON.stringify(json),
            auth: { type: 'basic', username, password },
          });
          if (projectId === '.' || projectId === '..' || item === '.' || item === '..') return;
          if (!result.ok) throw new Error(JSON.stringify(result.errors));
          const script = curlTarget.generate({
            request: result.value,
            auth: { type: 'basic', keyId: username, keySecret: password },
            credentialMode: 'inline',
            projectId,
          });
          await run('sh', ['-c', script]);
          const received = echo.received.find((entry) => entry.rawUrl.startsWith(`${base}/`));
          expect(received?.rawUrl).toBe(result.value.url.slice(echo.origin.length));
          expect(received?.basic).toEqual({ username, password });
          expect(received?.body.toString('utf8')).toBe(result.value.body);
          expect(decodeURIComponent(received!.rawUrl.split('/')[4]!)).toBe(projectId);
        },
      ),
      { numRuns: 300 },
    );
  }, 180_000);
});

/** One parameter of the style operation: where it goes, its style and the shape of its value. */
interface StyleCase {
  name: string;
  in: 'path' | 'query';
  style: string;
  explode: boolean;
  shape: 'primitive' | 'array' | 'object';
  allowReserved?: boolean;
}

const PATH_STYLES = ['simple', 'label', 'matrix'].flatMap((style) =>
  (['primitive', 'array', 'object'] as const).flatMap((shape) =>
    [true, false].map((explode): StyleCase => ({
      name: `${style}-${shape}-${explode ? 'e' : 'n'}`,
      in: 'path',
      style,
      explode,
      shape,
    })),
  ),
);

const QUERY_STYLES: StyleCase[] = [
  ...(['primitive', 'array'] as const).flatMap((shape) =>
    [true, false].map((explode): StyleCase => ({
      name: `form-${shape}-${explode ? 'e' : 'n'}`,
      in: 'query',
      style: 'form',
      explode,
      shape,
    })),
  ),
  { name: 'form-object-e', in: 'query', style: 'form', explode: true, shape: 'object' },
  { name: 'form-object-n', in: 'query', style: 'form', explode: false, shape: 'object' },
  { name: 'space', in: 'query', style: 'spaceDelimited', explode: false, shape: 'array' },
  { name: 'pipe', in: 'query', style: 'pipeDelimited', explode: false, shape: 'array' },
  { name: 'deep', in: 'query', style: 'deepObject', explode: true, shape: 'object' },
  {
    name: 'reserved-primitive',
    in: 'query',
    style: 'form',
    explode: true,
    shape: 'primitive',
    allowReserved: true,
  },
  {
    name: 'reserved-array',
    in: 'query',
    style: 'form',
    explode: true,
    shape: 'array',
    allowReserved: true,
  },
];

const STYLE_CASES = [...PATH_STYLES, ...QUERY_STYLES];

/** An operation with one parameter per style case, each path parameter in its own segment. */
const STYLE_OPERATION: OperationModel = {
  id: 'styles',
  method: 'GET',
  summary: '',
  description: '',
  tags: [],
  deprecated: false,
  servers: [],
  security: [],
  path: `/v1/styles/${PATH_STYLES.map((style) => `{${style.name}}`).join('/')}`,
  parameters: STYLE_CASES.map((style) => ({
    name: style.name,
    in: style.in,
    required: style.in === 'path',
    description: '',
    schema: { type: style.shape === 'primitive' ? 'string' : style.shape },
    deprecated: false,
    style: style.style,
    explode: style.explode,
    ...(style.allowReserved ? { allowReserved: true } : {}),
  })),
};

/** A typed value in its decoded form: text, a list of texts or key/value pairs. */
type StyleValue = string | string[] | Record<string, string>;

/**
 * Characters a style cannot carry unambiguously, left out of its random values: label style keeps
 * `.` unencoded (RFC 6570), the delimited styles split on an encoded space or pipe, and
 * `allowReserved` keeps `,` as it is.
 */
function forbiddenIn(style: StyleCase): RegExp | null {
  if (style.style === 'label') return /\./;
  if (style.style === 'spaceDelimited') return / /;
  if (style.style === 'pipeDelimited') return /\|/;
  if (style.allowReserved) return /,/;
  return null;
}

/** Random values for one style case: never empty (empty values are left out), never a dot segment. */
function styleValue(style: StyleCase): fc.Arbitrary<StyleValue> {
  const forbidden = forbiddenIn(style);
  const item = nonEmpty.filter(
    (value) => value !== '.' && value !== '..' && !(forbidden?.test(value) ?? false),
  );
  if (style.shape === 'primitive') return item;
  if (style.shape === 'array') return fc.array(item, { minLength: 1, maxLength: 3 });
  const key = item.filter(
    (value) => value !== '__proto__' && !STYLE_CASES.some((other) => other.name === value),
  );
  return fc.dictionary(key, item, { minKeys: 1, maxKeys: 3 });
}

/** Splits `a,b,c,d` into pairs `{a: b, c: d}`. */
function pairsOf(items: string[]): Record<string, string> {
  const object: Record<string, string> = {};
  for (let index = 0; index < items.length; index += 2) object[items[index]!] = items[index + 1]!;
  return object;
}

/** Splits `k=v` items into an object. */
function assignments(items: string[]): Record<string, string> {
  return Object.fromEntries(
    items.map((item) => {
      const equals = item.indexOf('=');
      return [
        decodeURIComponent(item.slice(0, equals)),
        decodeURIComponent(item.slice(equals + 1)),
      ];
    }),
  );
}

/** Reads one path segment back into its value, following the style's rules (OpenAPI 3.1, 4.8.12.4). */
function decodePath(style: StyleCase, segment: string): StyleValue {
  const decode = (text: string) => decodeURIComponent(text);
  let text = segment;
  if (style.style === 'label') text = text.slice(1);
  if (style.style === 'matrix') {
    const items = text.slice(1).split(';');
    if (style.shape === 'object' && style.explode) return assignments(items);
    const values = items.map((item) => item.slice(item.indexOf('=') + 1));
    if (style.shape === 'primitive') return decode(values[0]!);
    if (style.shape === 'array')
      return (style.explode ? values : values[0]!.split(',')).map(decode);
    return pairsOf(values[0]!.split(',').map(decode));
  }
  const separator = style.style === 'label' && style.explode ? '.' : ',';
  if (style.shape === 'primitive') return decode(text);
  if (style.shape === 'array') return text.split(separator).map(decode);
  const items = text.split(separator);
  return style.explode ? assignments(items) : pairsOf(items.map(decode));
}

/** Reads the query back into each style case's value. */
function decodeQuery(query: string): Record<string, StyleValue> {
  const pairs = query.split('&').map((pair) => {
    const equals = pair.indexOf('=');
    return [pair.slice(0, equals), pair.slice(equals + 1)] as const;
  });
  const decode = (text: string) => decodeURIComponent(text);
  const values: Record<string, StyleValue> = {};
  const loose: string[] = [];
  for (const [name, value] of pairs) {
    const deep = /^deep%5B(.*)%5D$/.exec(name);
    const style = QUERY_STYLES.find((candidate) => candidate.name === name);
    if (deep) ((values['deep'] ??= {}) as Record<string, string>)[decode(deep[1]!)] = decode(value);
    else if (!style) loose.push(`${name}=${value}`);
    else if (style.shape === 'primitive') values[name] = decode(value);
    else if (style.shape === 'object') values[name] = pairsOf(value.split(',').map(decode));
    else if (style.explode) ((values[name] ??= []) as string[]).push(decode(value));
    else {
      const separator =
        style.style === 'spaceDelimited' ? '%20' : style.style === 'pipeDelimited' ? '%7C' : ',';
      values[name] = value.split(separator).map(decode);
    }
  }
  if (loose.length > 0) values['form-object-e'] = assignments(loose);
  return values;
}

/** Runs a generated program: curl through `sh -c`, TypeScript as a file on the test's Node. */
async function runSnippet(targetId: 'curl' | 'typescript', text: string, index: number) {
  if (targetId === 'curl') return run('sh', ['-c', text]);
  const file = join(styleDir, `style-${index}.ts`);
  writeFileSync(file, text);
  const [command, args] = SNIPPET_RUNNERS['typescript']!(file);
  return run(command, args);
}

const styleDir = mkdtempSync(join(tmpdir(), 'snippets-styles-'));
afterAll(() => rmSync(styleDir, { recursive: true, force: true }));

describe.each([
  { targetId: 'curl' as const, numRuns: 100 },
  { targetId: 'typescript' as const, numRuns: 15 },
])(
  '$targetId snippets round-trip random values in every parameter style',
  ({ targetId, numRuns }) => {
    it('path (simple, label, matrix) and query (form, delimited, deepObject, allowReserved)', async () => {
      const target = SNIPPET_TARGETS.find((candidate) => candidate.id === targetId)!;
      let counter = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.record(
            Object.fromEntries(STYLE_CASES.map((style) => [style.name, styleValue(style)])),
          ),
          async (values) => {
            const base = `/styles-${targetId}-${++counter}`;
            const params: ParameterValues = {};
            for (const style of STYLE_CASES) {
              const value = values[style.name]!;
              params[style.name] =
                typeof value === 'string' || Array.isArray(value) ? value : JSON.stringify(value);
            }
            const result = prepareRequest({
              operation: STYLE_OPERATION,
              serverUrl: echo.origin + base,
              params,
              body: null,
              auth: { type: 'none' },
            });
            if (!result.ok) throw new Error(JSON.stringify(result.errors));
            const { request, url, content } = result.value;
            await runSnippet(
              targetId,
              target.generate({
                request,
                url,
                content,
                auth: { type: 'none' },
                credentialMode: 'inline',
              }),
              counter,
            );
            const received = echo.received.find((entry) => entry.rawUrl.startsWith(`${base}/`));
            expect(received?.rawUrl).toBe(request.url.slice(echo.origin.length));
            // Split at the first '?' only: an allowReserved value may itself hold a '?'.
            const mark = received!.rawUrl.indexOf('?');
            const path = mark < 0 ? received!.rawUrl : received!.rawUrl.slice(0, mark);
            const query = mark < 0 ? '' : received!.rawUrl.slice(mark + 1);
            const segments = path.split('/').slice(4);
            const decoded: Record<string, StyleValue> = decodeQuery(query);
            PATH_STYLES.forEach((style, index) => {
              decoded[style.name] = decodePath(style, segments[index]!);
            });
            expect(decoded).toEqual(values);
          },
        ),
        { numRuns },
      );
    }, 300_000);
  },
);

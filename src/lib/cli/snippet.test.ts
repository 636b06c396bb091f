import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadOpenApiDocument } from '../openapi/load.ts';
import { toOperationModels } from '../openapi/operations.ts';
import type { OperationModel } from '../openapi/types.ts';
import { UsageError } from './errors.ts';
import { cliSnippet, parseSnippetArgs, type SnippetOptions } from './snippet.ts';

const NUMBERS = resolve(import.meta.dirname, '../../openapi/numbers.yaml');
const BASE = ['--spec', 'numbers.yaml', '--operation', 'listAvailableNumbers', '--target', 'curl'];
let operations: OperationModel[];

beforeAll(async () => {
  operations = toOperationModels(await loadOpenApiDocument(NUMBERS));
});

/** The options for the base arguments plus `extra`. */
const options = (...extra: string[]): SnippetOptions => parseSnippetArgs([...BASE, ...extra]);

/** The snippet for the arguments, with no file reads. */
const snippet = (args: SnippetOptions, env: Record<string, string> = {}): string =>
  cliSnippet(operations, args, env, () => new Uint8Array([104, 105]));

describe('parseSnippetArgs', () => {
  it('reads every flag, repeated pairs collected by name', () => {
    expect(
      parseSnippetArgs([
        ...BASE,
        '--env',
        '--auth',
        'oauth2',
        '--param',
        'regionCode=US',
        '--param',
        'capabilities=SMS',
        '--param',
        'capabilities=VOICE',
        '--param',
        'q=a=b',
        '--example',
        'basic',
        '--file',
        'file=./a.pdf',
        '--server-url',
        'https://{region}.example.com',
        '--server-var',
        'region=eu',
      ]),
    ).toEqual({
      spec: 'numbers.yaml',
      operation: 'listAvailableNumbers',
      target: 'curl',
      env: true,
      auth: 'oauth2',
      params: { regionCode: 'US', capabilities: ['SMS', 'VOICE'], q: 'a=b' },
      example: 'basic',
      files: { file: './a.pdf' },
      serverUrl: 'https://{region}.example.com',
      serverVariables: { region: 'eu' },
    });
  });

  it.each([
    { name: 'an unknown flag', args: [...BASE, '--key-secret', 's'], message: "'--key-secret'" },
    { name: 'a missing --spec', args: BASE.slice(2), message: '--spec is required.' },
    { name: 'a missing --target', args: BASE.slice(0, 4), message: '--target is required.' },
    {
      name: 'a --param without =',
      args: [...BASE, '--param', 'US'],
      message: '--param "US": expected name=value.',
    },
    {
      name: 'a --param with no name',
      args: [...BASE, '--param', '=US'],
      message: '--param "=US": expected name=value.',
    },
    {
      name: 'a bad --server-var',
      args: [...BASE, '--server-var', 'eu'],
      message: '--server-var "eu": expected name=value.',
    },
    {
      name: '--body with --example',
      args: [...BASE, '--body', '{}', '--example', 'x'],
      message: '--body and --example cannot be used together.',
    },
  ])('rejects $name', ({ args, message }) => {
    expect(() => parseSnippetArgs(args)).toThrow(UsageError);
    expect(() => parseSnippetArgs(args)).toThrow(message);
  });
});

describe('cliSnippet', () => {
  const listing = options('--param', 'regionCode=US', '--param', 'type=LOCAL');

  it('writes SINCH_* credentials inline, and placeholders when they are unset', () => {
    const env = { SINCH_PROJECT_ID: 'p-1', SINCH_KEY_ID: 'k-1', SINCH_KEY_SECRET: 's-1' };
    expect(snippet(listing, env)).toContain("--user 'k-1:s-1'");
    expect(snippet(listing, env)).toContain('/projects/p-1/availableNumbers');
    expect(snippet(listing)).toContain("--user 'YOUR_KEY_ID:YOUR_KEY_SECRET'");
  });

  it('reads the environment in the snippet with --env', () => {
    const text = snippet(options('--env', '--param', 'regionCode=US', '--param', 'type=LOCAL'));
    expect(text).toContain('${SINCH_KEY_ID}');
    expect(text).not.toContain('YOUR_KEY_SECRET');
  });

  it('uses SINCH_API_TOKEN for a bearer snippet', () => {
    const bearer = options('--auth', 'bearer', '--param', 'regionCode=US', '--param', 'type=LOCAL');
    expect(snippet(bearer, { SINCH_API_TOKEN: 't-1' })).toContain('Authorization: Bearer t-1');
    expect(snippet(bearer)).toContain('Authorization: Bearer YOUR_API_TOKEN');
  });

  it.each([
    [
      'a project-ID server variable reads SINCH_PROJECT_ID with --env',
      ['--env'],
      '/v1/projects/\'"${SINCH_PROJECT_ID}"\'/v1/projects/',
    ],
    [
      'a project-ID server variable takes the inline project ID',
      [],
      '/v1/projects/p-7/v1/projects/p-7/',
    ],
  ])('%s', (_name, extra, expected) => {
    const text = snippet(
      options(
        ...extra,
        '--server-url',
        'https://porting.api.sinch.com/v1/projects/{projectId}',
        '--param',
        'regionCode=US',
        '--param',
        'type=LOCAL',
      ),
      { SINCH_PROJECT_ID: 'p-7' },
    );
    expect(text).toContain(expected);
  });

  it('names a server variable without a value', () => {
    expect(() =>
      snippet(options('--server-url', 'https://{region}.example.com', '--param', 'regionCode=US')),
    ).toThrow(/region is required/);
  });

  it('fills server variables into --server-url', () => {
    const text = snippet(
      options(
        '--server-url',
        'https://{region}.example.com',
        '--server-var',
        'region=eu',
        '--param',
        'regionCode=US',
        '--param',
        'type=LOCAL',
      ),
    );
    expect(text).toContain('https://eu.example.com/v1/projects/');
  });

  it.each([
    {
      name: 'an unknown operation',
      args: ['--operation', 'nope'],
      message:
        '--operation nope: unknown operation. Valid: listAvailableNumbers, getAvailableNumber',
    },
    {
      name: 'an unknown target',
      args: ['--target', 'cobol'],
      message:
        '--target cobol: unknown target. Valid: curl, typescript, javascript, python, java, php.',
    },
    {
      name: 'an unknown auth scheme',
      args: ['--auth', 'digest'],
      message: '--auth digest: unknown scheme. Valid:',
    },
    {
      name: 'an API key for an operation that declares none',
      args: ['--auth', 'apiKey'],
      message:
        '--auth apiKey: listAvailableNumbers has no API key scheme sent in a header or the query.',
    },
    {
      name: 'a body for a GET',
      args: ['--body', '{}'],
      message: 'listAvailableNumbers takes no request body.',
    },
    {
      name: 'an unknown example',
      args: ['--operation', 'rentAnyNumber', '--example', 'nope'],
      message: '--example nope: unknown example. Valid:',
    },
    {
      name: 'an unknown server variable',
      args: ['--server-var', 'region=eu'],
      message: '--server-var region: not a variable of https://numbers.api.sinch.com. Valid: none.',
    },
    {
      name: 'a file for a field that is not one',
      args: ['--file', 'x=./a'],
      message: '--file x: not a file field of listAvailableNumbers. Valid: none.',
    },
    {
      name: 'a request that does not build',
      args: [],
      message: 'The request cannot be built: regionCode: regionCode is required.',
    },
  ])('rejects $name', ({ args, message }) => {
    const parsed = parseSnippetArgs([...BASE, ...args]);
    expect(() => snippet(parsed)).toThrow(UsageError);
    expect(() => snippet(parsed)).toThrow(message);
  });
});

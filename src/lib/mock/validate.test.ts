import { describe, expect, it } from 'vitest';
import type { ParameterModel } from '../openapi/types.ts';
import { BodyValidator, parameterViolations } from './validate.ts';

describe('BodyValidator', () => {
  const validator = new BodyValidator();

  it('names a fault shared by allOf parts once', () => {
    const schema = { allOf: [{ type: 'object' as const }, { type: 'object' as const }] };
    expect(validator.violations(schema, [])).toEqual([
      { field: 'body', description: 'Must be object.' },
    ]);
  });

  it('writes array items and nested fields as Sinch field paths', () => {
    const schema = {
      type: 'object' as const,
      properties: {
        items: {
          type: 'array' as const,
          items: {
            type: 'object' as const,
            required: ['id'],
            properties: { id: { type: 'string' as const } },
          },
        },
      },
    };
    expect(validator.violations(schema, { items: [{ id: 'a' }, {}] })).toEqual([
      { field: 'items[1].id', description: 'Required.' },
    ]);
  });
});

describe('parameterViolations', () => {
  const parameter = (overrides: Partial<ParameterModel>): ParameterModel => ({
    name: 'p',
    in: 'query',
    required: false,
    description: '',
    schema: { type: 'string' },
    deprecated: false,
    ...overrides,
  });
  const check = (
    parameters: ParameterModel[],
    query: string,
    headers: Record<string, string> = {},
  ) =>
    parameterViolations(parameters, {
      path: {},
      query: new URLSearchParams(query),
      headers: new Headers(headers),
    });

  it.each<[string, ParameterModel, string, string | null]>([
    ['boolean', parameter({ schema: { type: 'boolean' } }), 'p=yes', 'Must be true or false.'],
    [
      'number',
      parameter({ schema: { type: 'number', maximum: 2 } }),
      'p=3.5',
      'Must be at most 2.',
    ],
    [
      'min length',
      parameter({ schema: { type: 'string', minLength: 3 } }),
      'p=ab',
      'Must be at least 3 characters long.',
    ],
    ['repeated scalar', parameter({}), 'p=a&p=b', 'Must be given once.'],
    [
      'array items',
      parameter({ schema: { type: 'array', items: { type: 'string', enum: ['A'] } } }),
      'p=A&p=B',
      'Must be one of A.',
    ],
    [
      'array size',
      parameter({ schema: { type: 'array', maxItems: 1, items: { type: 'string' } } }),
      'p=a&p=b',
      'Must have at most 1 values.',
    ],
    [
      'comma-separated',
      parameter({ explode: false, schema: { type: 'array', items: { type: 'integer' } } }),
      'p=1,x',
      'Must be a whole number.',
    ],
    ['valid', parameter({ schema: { type: 'integer', minimum: 1 } }), 'p=4', null],
  ])('%s', (_, model, query, description) => {
    expect(check([model], query)).toEqual(
      description === null ? [] : [{ field: 'p', description }],
    );
  });

  it('reads header parameters and names a missing required one', () => {
    const header = parameter({ name: 'X-Mode', in: 'header', required: true });
    expect(check([header], '')).toEqual([{ field: 'X-Mode', description: 'Required.' }]);
    expect(check([header], '', { 'x-mode': 'on' })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { OperationModel, ParameterModel } from '../openapi/types.ts';
import { parameterProblems } from './validate.ts';

const param = (name: string, schema: ParameterModel['schema']): ParameterModel => ({
  name,
  in: 'query',
  required: false,
  description: '',
  schema,
  deprecated: false,
});

/** An operation with one parameter; nothing else matters here. */
const operation = (parameter: ParameterModel): OperationModel => ({
  id: 'op',
  method: 'GET',
  path: '/x',
  summary: '',
  description: '',
  tags: [],
  deprecated: false,
  servers: [],
  parameters: [parameter],
  security: [],
});

describe('parameterProblems', () => {
  const regionCode = param('regionCode', {
    type: 'string',
    pattern: '^[A-Z]{2}$',
    minLength: 2,
    maxLength: 2,
  });
  it.each([
    [regionCode, 'usa', 'regionCode must be two capital letters, such as US.'],
    [regionCode, 'us', 'regionCode must be two capital letters, such as US.'],
    [regionCode, 'US', null],
    [param('size', { type: 'integer', minimum: 1, maximum: 1000 }), '0', /size must be at least 1/],
    [param('size', { type: ['integer', 'null'], maximum: 10 }), '50', /size must be at most 10/],
    [param('size', { type: 'integer' }), '1.5', /size must be a whole number/],
    [param('size', { type: 'integer', minimum: 1, maximum: 1000 }), '20', null],
    [
      param('code', { type: 'string', pattern: '^[0-9]+$' }),
      'a',
      /code does not have the expected/,
    ],
    [param('name', { type: 'string', maxLength: 3 }), 'abcd', /name must be at most 3/],
    [param('type', { type: 'string', enum: ['A', 'B'] }), 'C', /type must be one of A, B/],
    [param('anything', { type: 'string' }), '', null],
    [param('tags', { type: 'array', maxItems: 1, items: {} }), ['a', 'b'], /tags takes at most 1/],
  ] as const)('%#: %j', (parameter, value, expected) => {
    const message = parameterProblems(operation(parameter), { [parameter.name]: value }).get(
      parameter.name,
    );
    if (expected === null) expect(message).toBeUndefined();
    else expect(message).toMatch(expected);
  });
});

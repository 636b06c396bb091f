import { describe, expect, it } from 'vitest';
import type { ParameterModel } from '../openapi/types.ts';
import { checkParameter } from './validate.ts';

const param = (name: string, schema: ParameterModel['schema']): ParameterModel => ({
  name,
  in: 'query',
  required: false,
  description: '',
  schema,
  deprecated: false,
});

describe('checkParameter', () => {
  it.each([
    [param('regionCode', { type: 'string', pattern: '^[A-Z]{2}$' }), 'usa', /two capital letters/],
    [param('regionCode', { type: 'string', pattern: '^[A-Z]{2}$' }), 'US', null],
    [param('size', { type: 'integer', minimum: 1, maximum: 1000 }), '0', /at least 1/],
    [param('size', { type: 'integer', minimum: 1, maximum: 1000 }), '1.5', /whole number/],
    [param('size', { type: 'integer', minimum: 1, maximum: 1000 }), '20', null],
    [param('name', { type: 'string', maxLength: 3 }), 'abcd', /at most 3/],
    [param('type', { type: 'string', enum: ['A', 'B'] }), 'C', /one of A, B/],
    [param('anything', { type: 'string' }), '', null],
  ])('%#', (parameter, value, expected) => {
    const message = checkParameter(parameter, value);
    if (expected === null) expect(message).toBeNull();
    else expect(message).toMatch(expected);
  });
});

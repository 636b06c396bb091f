import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../openapi/types.ts';
import { sampleFromSchema } from './sample.ts';

describe('sampleFromSchema', () => {
  it.each<[string, JsonSchema, unknown]>([
    ['example first', { type: 'string', example: 'ex', default: 'def' }, 'ex'],
    ['then default', { type: 'integer', default: 7 }, 7],
    ['then first enum value', { type: 'string', enum: ['A', 'B'] }, 'A'],
    ['string by format', { type: 'string', format: 'date-time' }, '2026-01-01T00:00:00Z'],
    ['string within lengths', { type: 'string', minLength: 8, maxLength: 9 }, 'stringxx'],
    ['number from minimum', { type: 'number', minimum: 2.5 }, 2.5],
    ['number under maximum', { type: 'integer', maximum: -3 }, -3],
    ['array of minItems', { type: 'array', minItems: 2, items: { type: 'boolean' } }, [true, true]],
    [
      'object without write-only fields',
      {
        type: 'object',
        properties: {
          a: { type: 'integer' },
          s: { type: 'string', writeOnly: true } as JsonSchema,
        },
      },
      { a: 0 },
    ],
    [
      'allOf merged',
      {
        allOf: [
          { properties: { a: { type: 'integer' } } },
          { properties: { b: { type: 'boolean' } } },
        ],
      },
      { a: 0, b: true },
    ],
    ['first oneOf alternative', { oneOf: [{ type: 'string' }, { type: 'integer' }] }, 'string'],
  ])('%s', (_, schema, expected) => expect(sampleFromSchema(schema)).toEqual(expected));

  it('ends on a recursive schema', () => {
    const node: { type: 'object'; properties: Record<string, JsonSchema> } = {
      type: 'object',
      properties: {},
    };
    node.properties['child'] = node;
    expect(JSON.stringify(sampleFromSchema(node)).length).toBeLessThan(200);
  });
});

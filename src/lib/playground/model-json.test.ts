import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../openapi/types.ts';
import { modelJson, withoutCycles } from './model-json.ts';
import type { PlaygroundModel } from './props.ts';

/** A schema whose `children` items are the schema itself, as a dereferenced document gives it. */
function treeSchema(): JsonSchema {
  const node: { type: 'object'; properties: Record<string, JsonSchema> } = {
    type: 'object',
    properties: { id: { type: 'string' } },
  };
  node.properties['children'] = { type: 'array', items: node };
  return node;
}

describe('withoutCycles', () => {
  it.each([
    ['a string', 'text'],
    ['null', null],
    ['an array', [1, [2, { a: 3 }]]],
    ['a nested object', { a: { b: { c: true } } }],
  ])('copies %s unchanged', (_name, value) => expect(withoutCycles(value)).toEqual(value));

  it('replaces a schema repeated inside itself with an empty schema', () => {
    expect(withoutCycles(treeSchema())).toEqual({
      type: 'object',
      properties: { id: { type: 'string' }, children: { type: 'array', items: {} } },
    });
  });

  it('keeps a schema used twice side by side, which is no cycle', () => {
    const shared = { type: 'string' };
    expect(withoutCycles({ a: shared, b: shared })).toEqual({ a: shared, b: shared });
  });
});

describe('modelJson', () => {
  it('serialises a model with a recursive body schema and escapes "<"', () => {
    const model = {
      server: 'mock',
      auth: 'basic',
      defaults: {},
      operation: {
        id: 'createTree',
        method: 'POST',
        path: '/trees',
        summary: '</script>',
        description: '',
        tags: [],
        deprecated: false,
        servers: [],
        parameters: [],
        security: ['basic'],
        requestBody: { contentType: 'application/json', required: true, schema: treeSchema() },
      },
    } satisfies PlaygroundModel;
    const json = modelJson(model);
    expect(json).not.toContain('<');
    const parsed = JSON.parse(json) as PlaygroundModel;
    expect(parsed.operation.summary).toBe('</script>');
    expect(parsed.operation.requestBody?.schema.properties?.['children']?.items).toEqual({});
  });
});

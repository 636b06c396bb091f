import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../../openapi/types.ts';
import { interfaceDeclaration, schemaToType } from './interface.ts';

describe('schemaToType', () => {
  it.each<[JsonSchema, string]>([
    [{ type: 'string' }, 'string'],
    [{ type: 'integer', nullable: true }, 'number | null'],
    [{ type: 'string', enum: ['A', 'B'] }, '"A" | "B"'],
    [{ type: 'array', items: { type: 'string', enum: ['SMS', 'VOICE'] } }, '("SMS" | "VOICE")[]'],
    [{ type: 'object' }, 'Record<string, unknown>'],
    [{}, 'unknown'],
  ])('%j', (schema, expected) => {
    expect(schemaToType(schema)).toBe(expected);
  });

  it('stops at circular schemas', () => {
    const node: JsonSchema = { type: 'object', properties: {} };
    node.properties = { child: node, name: { type: 'string' } };
    expect(schemaToType(node)).toContain('child?: unknown;');
  });

  it('quotes keys that are not identifiers and marks required ones', () => {
    const text = interfaceDeclaration('Body', {
      type: 'object',
      required: ['a-b'],
      properties: { 'a-b': { type: 'string' }, ok: { type: 'boolean', description: 'Yes */ no' } },
    });
    expect(text).toContain('"a-b": string;');
    expect(text).toContain('ok?: boolean;');
    expect(text).not.toContain('Yes */');
  });
});

describe('interfaceDeclaration is valid for any schema', () => {
  const node: JsonSchema = { type: 'object', title: 'Tree Node', properties: {} };
  node.properties = { children: { type: 'array', items: node }, name: { type: 'string' } };
  const record: JsonSchema = { type: 'object', title: 'Record', properties: {} };
  record.properties = { next: record };

  it.each<[string, JsonSchema, string[]]>([
    [
      'top-level allOf',
      { allOf: [{ type: 'object', properties: { a: { type: 'string' } } }, { type: 'object' }] },
      ['type Body = {', '} & Record<string, unknown>;'],
    ],
    [
      'top-level oneOf with a discriminator',
      {
        oneOf: [
          { type: 'object', properties: { kind: { const: 'a' } } },
          { type: 'object', properties: { kind: { enum: ['b'] } } },
        ],
        discriminator: { propertyName: 'kind' },
      },
      ['type Body = {', 'kind?: "a";', '} | {', 'kind?: "b";'],
    ],
    ['3.1 type array', { type: ['integer', 'null'] }, ['type Body = number | null;']],
    ['enum with null', { enum: ['x', null] }, ['type Body = "x" | null;']],
    [
      'additionalProperties beside properties',
      { type: 'object', properties: { a: { type: 'integer' } }, additionalProperties: true },
      ['a?: number;', '[key: string]: unknown;'],
    ],
    [
      'additionalProperties alone',
      { type: 'object', additionalProperties: { type: 'string' } },
      ['type Body = Record<string, string>;'],
    ],
    ['self-reference as the root', node, ['type Body = {', 'children?: Body[];']],
    [
      'self-reference below the root, clear of global names',
      { type: 'object', properties: { head: record } },
      ['next?: Record2;', 'type Record2 = {'],
    ],
  ])('%s', (_name, schema, expected) => {
    const text = interfaceDeclaration('Body', schema);
    for (const fragment of expected) expect(text).toContain(fragment);
  });
});

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

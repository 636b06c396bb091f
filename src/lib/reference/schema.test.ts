import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../openapi/types.ts';
import { schemaHtml, schemaMarkdown, schemaTree, type SchemaNode } from './schema.ts';

/** The tree as `name:type[!]` strings, depth by indentation, for compact expectations. */
function outline(node: SchemaNode, indent = ''): string[] {
  const lines = node.children.flatMap((child) => [
    `${indent}${child.name}:${child.type}${child.required ? '!' : ''}${child.recursive ? ' (recursive)' : ''}`,
    ...outline(child, `${indent}  `),
  ]);
  for (const { title, node: branch } of node.alternatives)
    lines.push(`${indent}| ${title}`, ...outline(branch, `${indent}  `));
  return lines;
}

describe('schemaTree', () => {
  it('nests objects, marks required properties and shows arrays through their items', () => {
    const tree = schemaTree({
      type: 'object',
      required: ['name'],
      properties: {
        name: { type: 'string', maxLength: 10 },
        tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } },
        owners: {
          type: 'array',
          items: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } },
        },
      },
    });
    expect(outline(tree)).toEqual([
      'name:string!',
      'tags:array of string',
      'owners:array of object',
      '  id:integer!',
    ]);
    expect(tree.children[0]?.facts).toEqual(['max length: 10']);
    expect(tree.children[1]?.facts).toEqual(['one of: a, b']);
  });

  it('merges allOf and keeps oneOf branches as titled alternatives', () => {
    const tree = schemaTree({
      allOf: [
        { type: 'object', required: ['to'], properties: { to: { type: 'string' } } },
        {
          oneOf: [
            {
              title: 'By file',
              type: 'object',
              required: ['file'],
              properties: { file: { type: 'string', format: 'binary' } },
            },
            { type: 'object', properties: { url: { type: 'string' } } },
          ],
        },
      ],
    });
    expect(tree.type).toBe('object');
    expect(outline(tree)).toEqual([
      'to:string!',
      '| By file',
      '  file:string!',
      '| Option 2',
      '  url:string',
    ]);
    expect(tree.alternativesKind).toBe('oneOf');
  });

  it('cuts a recursive schema where it recurs, directly and through array items', () => {
    const node: JsonSchema & { properties: Record<string, JsonSchema> } = {
      type: 'object',
      properties: {},
    };
    node.properties['child'] = node;
    node.properties['children'] = { type: 'array', items: node };
    expect(outline(schemaTree(node))).toEqual([
      'child:object (recursive)',
      'children:array of object (recursive)',
    ]);
  });

  it('stops at a depth limit on very deep schemas', () => {
    let deep: JsonSchema = { type: 'string' };
    for (let level = 0; level < 30; level += 1)
      deep = { type: 'object', properties: { next: deep } };
    expect(outline(schemaTree(deep)).length).toBeLessThan(12);
  });
});

describe('schemaTree and schemaHtml on shared schemas', () => {
  it('flatten and render a schema object once, and a different object on its own', () => {
    const shared: JsonSchema = { type: 'object', properties: { id: { type: 'string' } } };
    const tree = schemaTree(shared);
    expect(schemaTree(shared)).toBe(tree);
    expect(schemaHtml(tree)).toBe(schemaHtml(schemaTree(shared)));
    const other = schemaTree({ type: 'object', properties: { name: { type: 'string' } } });
    expect(other).not.toBe(tree);
    expect(schemaHtml(other)).toContain('name');
    expect(schemaHtml(other)).not.toContain('>id<');
  });
});

describe('schemaHtml', () => {
  it('escapes names, enum values and descriptions', () => {
    const html = schemaHtml(
      schemaTree({
        type: 'object',
        properties: {
          '<b>': { type: 'string', enum: ['<i>'], description: 'Text <script>x</script> **ok**' },
        },
      }),
    );
    expect(html).not.toMatch(/<(b|i|script)>/);
    expect(html).toContain('&lt;b&gt;');
    expect(html).toContain('<strong>ok</strong>');
  });

  it('folds nested properties into details with a phrasing-only summary', () => {
    const html = schemaHtml(
      schemaTree({
        type: 'object',
        properties: {
          a: { type: 'object', description: 'Text', properties: { b: { type: 'string' } } },
        },
      }),
    );
    expect(html).toMatch(
      /<details><summary><code class="name">a<\/code> <span class="type">object<\/span><\/summary><div class="description"><p>Text<\/p>/,
    );
  });
});

describe('schemaMarkdown', () => {
  it('lists properties with types, required marks and alternatives', () => {
    const md = schemaMarkdown(
      schemaTree({
        type: 'object',
        required: ['a'],
        properties: { a: { type: 'string', description: 'First.' } },
        oneOf: [{ title: 'X', type: 'object', properties: { x: { type: 'integer' } } }],
      }),
    );
    expect(md).toBe(
      [
        '- `a` (string; required) First.',
        '- Exactly one of:',
        '  - **X** (object)',
        '    - `x` (integer)',
      ].join('\n'),
    );
  });
});

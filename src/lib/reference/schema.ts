import type { JsonSchema } from '../openapi/types.ts';
import { escapeHtml, renderMarkdown } from './markdown.ts';

/** One property (or the root) of a schema, flattened for display. */
export interface SchemaNode {
  /** Property name; empty for the root. */
  name: string;
  /** Human type label: `string`, `array of object`, `one of 3 shapes`. */
  type: string;
  required: boolean;
  description: string;
  /** Short facts: format, enum values, limits, default, example, read-only. */
  facts: string[];
  children: SchemaNode[];
  /** `oneOf`/`anyOf` branches, each with its title. */
  alternatives: { title: string; node: SchemaNode }[];
  alternativesKind?: 'oneOf' | 'anyOf';
  /** The schema contains itself here; its children are not repeated. */
  recursive: boolean;
}

/** Deepest nesting shown; deeper levels are summarised (documents can nest without bound). */
const MAX_DEPTH = 8;

/** Compact JSON of a fact value, cut at a readable length. */
function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/** Folds `allOf` parts into one schema: properties and `required` merged, one `oneOf` lifted. */
function mergeAllOf(schema: JsonSchema): JsonSchema {
  if (!schema.allOf) return schema;
  const { allOf, ...rest } = schema;
  const merged: JsonSchema & { properties: Record<string, JsonSchema>; required: string[] } = {
    ...rest,
    properties: { ...rest.properties },
    required: [...(rest.required ?? [])],
  };
  for (const part of allOf.map(mergeAllOf)) {
    Object.assign(merged.properties, part.properties);
    merged.required.push(...(part.required ?? []));
    for (const key of ['type', 'description', 'enum', 'format', 'items'] as const)
      if (merged[key] === undefined && part[key] !== undefined)
        Object.assign(merged, { [key]: part[key] });
    if (part.oneOf && !merged.oneOf) merged.oneOf = part.oneOf;
    if (part.anyOf && !merged.anyOf) merged.anyOf = part.anyOf;
  }
  if (Object.keys(merged.properties).length === 0 && !rest.properties)
    delete (merged as JsonSchema).properties;
  return merged;
}

/** The facts line of a schema: what a reader needs beyond its type. */
function factsOf(schema: JsonSchema): string[] {
  const facts: string[] = [];
  if (schema.format) facts.push(`format: ${schema.format}`);
  if (schema.enum) facts.push(`one of: ${schema.enum.map((value) => show(value)).join(', ')}`);
  if (schema.pattern) facts.push(`pattern: ${schema.pattern}`);
  const ranges: [keyof JsonSchema, string][] = [
    ['minimum', 'minimum'],
    ['maximum', 'maximum'],
    ['minLength', 'min length'],
    ['maxLength', 'max length'],
    ['minItems', 'min items'],
    ['maxItems', 'max items'],
  ];
  for (const [key, label] of ranges)
    if (schema[key] !== undefined) facts.push(`${label}: ${show(schema[key])}`);
  if (schema.default !== undefined) facts.push(`default: ${show(schema.default)}`);
  if (schema.example !== undefined) facts.push(`example: ${show(schema.example)}`);
  if (schema.nullable) facts.push('nullable');
  if (schema.readOnly) facts.push('read-only');
  if (schema.deprecated) facts.push('deprecated');
  return facts;
}

/** The type label of a schema without walking into it. */
function typeOf(schema: JsonSchema): string {
  const branches = schema.oneOf ?? schema.anyOf;
  if (branches && !schema.type && !schema.properties) return `one of ${branches.length} shapes`;
  if (schema.type === 'array')
    return `array of ${schema.items ? typeOf(mergeAllOf(schema.items)) : 'any'}`;
  const type = typeof schema.type === 'string' ? schema.type : schema.type?.join(' or ');
  return type ?? (schema.properties ? 'object' : 'any');
}

/** Trees of root schemas already flattened, by schema object. */
const rootTrees = new WeakMap<JsonSchema, SchemaNode>();

/**
 * Flattens a dereferenced JSON Schema into a display tree: `allOf` merged, `oneOf`/`anyOf` kept
 * as titled alternatives, arrays shown through their items, cycles cut where they recur. A
 * dereferenced document shares one object per component schema, which a large API puts on
 * hundreds of pages, so each root schema is flattened once; callers treat the tree as read-only.
 */
export function schemaTree(input: JsonSchema): SchemaNode {
  let tree = rootTrees.get(input);
  if (tree === undefined) {
    tree = propertyTree(input, '', false, new Set(), 0);
    rootTrees.set(input, tree);
  }
  return tree;
}

/** The tree of one schema at one place: its name, whether required, the schemas it sits in. */
function propertyTree(
  input: JsonSchema,
  name: string,
  required: boolean,
  ancestors: ReadonlySet<JsonSchema>,
  depth: number,
): SchemaNode {
  const node: SchemaNode = {
    name,
    type: typeOf(mergeAllOf(input)),
    required,
    description: input.description ?? '',
    facts: [],
    children: [],
    alternatives: [],
    recursive: false,
  };
  if (ancestors.has(input)) {
    node.recursive = true;
    return node;
  }
  const schema = mergeAllOf(input);
  node.description ||= schema.description ?? '';
  node.facts = factsOf(schema);
  if (depth >= MAX_DEPTH) return node;
  const inside = new Set(ancestors).add(input);
  // Arrays show the properties and branches of their items.
  const body = schema.type === 'array' && schema.items ? mergeAllOf(schema.items) : schema;
  if (body !== schema && ancestors.has(schema.items!)) {
    node.recursive = true;
    return node;
  }
  if (body !== schema) inside.add(schema.items!);
  const requiredNames = new Set(body.required ?? []);
  for (const [key, child] of Object.entries(body.properties ?? {}))
    node.children.push(propertyTree(child, key, requiredNames.has(key), inside, depth + 1));
  if (body !== schema && body.enum && !schema.enum) node.facts.unshift(...factsOf(body));
  const branches = body.oneOf ?? body.anyOf;
  if (branches) {
    node.alternativesKind = body.oneOf ? 'oneOf' : 'anyOf';
    node.alternatives = branches.map((branch, index) => ({
      title: branch.title ?? `Option ${index + 1}`,
      node: propertyTree(branch, '', false, inside, depth + 1),
    }));
  }
  return node;
}

/** HTML of a node's head, phrasing content only (it may sit in a `<summary>`). */
function nodeHead(node: SchemaNode): string {
  const parts: string[] = [];
  if (node.name) parts.push(`<code class="name">${escapeHtml(node.name)}</code>`);
  parts.push(`<span class="type">${escapeHtml(node.type)}</span>`);
  if (node.required) parts.push('<span class="required">required</span>');
  if (node.recursive) parts.push('<span class="recursive">recursive, shown above</span>');
  return parts.join(' ');
}

/** HTML of a node's description and facts. */
function nodeInfo(node: SchemaNode): string {
  let html = '';
  if (node.description)
    html += `<div class="description">${renderMarkdown(node.description)}</div>`;
  if (node.facts.length > 0)
    html += `<div class="facts">${node.facts.map((fact) => `<span>${escapeHtml(fact)}</span>`).join(' ')}</div>`;
  return html;
}

/** HTML of a node's children and alternatives (not its own head). */
function nodeBody(node: SchemaNode): string {
  let html = '';
  if (node.children.length > 0)
    html += `<ul class="properties">${node.children.map((child) => `<li>${nodeHtml(child)}</li>`).join('')}</ul>`;
  if (node.alternatives.length > 0) {
    const label =
      node.alternativesKind === 'anyOf' ? 'Any of these shapes' : 'Exactly one of these shapes';
    html += `<div class="alternatives"><p>${label}:</p><ol>${node.alternatives
      .map(
        ({ title, node: branch }) =>
          `<li><strong>${escapeHtml(title)}</strong> ${nodeHead({ ...branch, name: '' })}${nodeInfo(branch)}${nodeBody(branch)}</li>`,
      )
      .join('')}</ol></div>`;
  }
  return html;
}

/** One property; nested content folds into a `<details>` so long schemas stay scannable. */
function nodeHtml(node: SchemaNode): string {
  const body = nodeBody(node);
  if (body === '') return `<span class="head">${nodeHead(node)}</span>${nodeInfo(node)}`;
  return `<details><summary>${nodeHead(node)}</summary>${nodeInfo(node)}${body}</details>`;
}

/** HTML of trees already rendered: schemaTree hands out one tree per shared schema. */
const renderedTrees = new WeakMap<SchemaNode, string>();

/** Server-rendered HTML of a schema tree: the root's head, then its properties and shapes. */
export function schemaHtml(node: SchemaNode): string {
  let html = renderedTrees.get(node);
  if (html === undefined) {
    html = `<div class="schema not-content"><span class="head">${nodeHead(node)}</span>${nodeInfo(node)}${nodeBody(node)}</div>`;
    renderedTrees.set(node, html);
  }
  return html;
}

/** The same tree as a Markdown list, for the Markdown twin of a reference page. */
export function schemaMarkdown(node: SchemaNode, indent = ''): string {
  const lines: string[] = [];
  const describe = (child: SchemaNode): string => {
    const bits = [
      child.type,
      child.required ? 'required' : '',
      ...child.facts,
      child.recursive ? 'recursive' : '',
    ]
      .filter(Boolean)
      .join('; ');
    const description = child.description ? ` ${child.description.replace(/\s+/g, ' ')}` : '';
    return `(${bits})${description}`;
  };
  for (const child of node.children) {
    lines.push(`${indent}- \`${child.name}\` ${describe(child)}`);
    const nested = schemaMarkdown(child, `${indent}  `);
    if (nested) lines.push(nested);
  }
  if (node.alternatives.length > 0) {
    lines.push(`${indent}- ${node.alternativesKind === 'anyOf' ? 'Any of' : 'Exactly one of'}:`);
    for (const { title, node: branch } of node.alternatives) {
      lines.push(`${indent}  - **${title}** ${describe(branch)}`);
      const nested = schemaMarkdown(branch, `${indent}    `);
      if (nested) lines.push(nested);
    }
  }
  return lines.join('\n');
}

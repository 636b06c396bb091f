import type { JsonSchema } from '../../openapi/types.ts';
import { schemaTypes } from '../../request/schema-check.ts';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** Deepest nesting written out; deeper schemas become `unknown`, self-references get a name. */
const MAX_DEPTH = 6;
/** Global type names a generated alias must not shadow, since snippets use them. */
const RESERVED = new Set([
  'Array',
  'Blob',
  'Boolean',
  'Buffer',
  'Error',
  'FormData',
  'Headers',
  'Number',
  'Object',
  'Promise',
  'Record',
  'Request',
  'Response',
  'String',
  'URLSearchParams',
]);

/** Names given to schemas that refer to themselves, and the aliases still to write. */
interface Naming {
  names: Map<JsonSchema, string>;
  pending: JsonSchema[];
  used: Set<string>;
}

/** A property key, quoted when it is not a plain identifier. */
function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

/** A PascalCase identifier from any text, unique within `naming` and clear of global names. */
function uniqueName(base: string, naming: Naming): string {
  const words = base.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let name = words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('') || 'Schema';
  if (/^[0-9]/.test(name)) name = `T${name}`;
  let candidate = name;
  for (let index = 2; RESERVED.has(candidate) || naming.used.has(candidate); index++)
    candidate = `${name}${index}`;
  naming.used.add(candidate);
  return candidate;
}

/** Wraps a union or intersection in parentheses, for use inside another operator. */
function grouped(type: string): string {
  return /^[^{]*[|&]/.test(type) ? `(${type})` : type;
}

/** Joins alternatives into a union without repeating one. */
function union(types: readonly string[]): string {
  return [...new Set(types)].join(' | ');
}

/** Writes type expressions, naming self-references when a naming context is given. */
class TypeWriter {
  readonly #naming: Naming | null;

  constructor(naming: Naming | null) {
    this.#naming = naming;
  }

  /** A type expression for a schema, indented for nested object literals. */
  write(schema: JsonSchema | undefined, indent: string, seen: ReadonlySet<JsonSchema>): string {
    if (!schema) return 'unknown';
    const named = this.#naming?.names.get(schema);
    if (named !== undefined && seen.size > 0) return named;
    if (seen.has(schema)) return this.nameOf(schema, 'Node') ?? 'unknown';
    if (seen.size >= MAX_DEPTH) return 'unknown';
    const nested = new Set(seen).add(schema);
    const nullable = schemaTypes(schema).includes('null') ? ['null'] : [];
    if (schema.const !== undefined) return JSON.stringify(schema.const);
    if (schema.enum && schema.enum.length > 0)
      return union([...schema.enum.map((value) => JSON.stringify(value) ?? 'null'), ...nullable]);
    const variants = schema.oneOf ?? schema.anyOf;
    if (variants && variants.length > 0) {
      const own = this.ownType(schema, indent, nested);
      const alternatives = union(variants.map((variant) => this.write(variant, indent, nested)));
      const base = own === null ? alternatives : `${grouped(own)} & (${alternatives})`;
      return union([base, ...nullable]);
    }
    if (schema.allOf && schema.allOf.length > 0) {
      const own = this.ownType(schema, indent, nested);
      const parts = schema.allOf.map((part) => grouped(this.write(part, indent, nested)));
      if (own !== null) parts.push(grouped(own));
      return union([[...new Set(parts)].join(' & '), ...nullable]);
    }
    return this.ownType(schema, indent, nested) ?? union(['unknown']);
  }

  /** The type from `type`/`properties`/`items` alone, or null when the schema declares none. */
  private ownType(
    schema: JsonSchema,
    indent: string,
    seen: ReadonlySet<JsonSchema>,
  ): string | null {
    let types = schemaTypes(schema);
    if (types.length === 0 && (schema.properties || schema.additionalProperties))
      types = ['object'];
    if (types.length === 0 && schema.items) types = ['array'];
    if (types.length === 0) return null;
    const written = types.map((type) => {
      switch (type) {
        case 'string':
          return 'string';
        case 'integer':
        case 'number':
          return 'number';
        case 'boolean':
          return 'boolean';
        case 'null':
          return 'null';
        case 'array':
          return `${grouped(this.write(schema.items, indent, seen))}[]`;
        case 'object':
          return this.objectType(schema, indent, seen);
      }
    });
    return union(written);
  }

  /** An object literal type, one line per property, optional unless required, extra keys typed. */
  private objectType(schema: JsonSchema, indent: string, seen: ReadonlySet<JsonSchema>): string {
    const properties = Object.entries(schema.properties ?? {});
    const extra = schema.additionalProperties;
    if (properties.length === 0) {
      const value = typeof extra === 'object' ? this.write(extra, indent, seen) : 'unknown';
      return `Record<string, ${value}>`;
    }
    const inner = `${indent}  `;
    const lines = properties.map(([name, property]) => {
      const optional = schema.required?.includes(name) ? '' : '?';
      const comment = property.description
        ? `${inner}/** ${property.description.replace(/\*\//g, '* /').replace(/\s+/g, ' ').trim()} */\n`
        : '';
      return `${comment}${inner}${propertyKey(name)}${optional}: ${this.write(property, inner, seen)};`;
    });
    if (extra !== undefined && extra !== false) lines.push(`${inner}[key: string]: unknown;`);
    return `{\n${lines.join('\n')}\n${indent}}`;
  }

  /** Gives a self-referencing schema a name (queued for its own alias); null without a context. */
  private nameOf(schema: JsonSchema, fallback: string): string | null {
    if (!this.#naming) return null;
    const existing = this.#naming.names.get(schema);
    if (existing !== undefined) return existing;
    const name = uniqueName(schema.title ?? fallback, this.#naming);
    this.#naming.names.set(schema, name);
    this.#naming.pending.push(schema);
    return name;
  }
}

/** A TypeScript type expression for a schema; self-references become `unknown` here. */
export function schemaToType(
  schema: JsonSchema | undefined,
  indent = '',
  seen: ReadonlySet<JsonSchema> = new Set(),
): string {
  return new TypeWriter(null).write(schema, indent, seen);
}

const declarations = new WeakMap<JsonSchema, Map<string, string>>();

/**
 * Type aliases for a schema, the first named `name`; schemas that refer to themselves get their
 * own aliases (unique names), so the result is valid TypeScript for any schema. Cached per schema.
 */
export function interfaceDeclaration(name: string, schema: JsonSchema): string {
  const cached = declarations.get(schema)?.get(name);
  if (cached !== undefined) return cached;
  const naming: Naming = {
    names: new Map([[schema, name]]),
    pending: [schema],
    used: new Set([name]),
  };
  const writer = new TypeWriter(naming);
  const aliases: string[] = [];
  for (let index = 0; index < naming.pending.length; index++) {
    const current = naming.pending[index]!;
    aliases.push(`type ${naming.names.get(current)!} = ${writer.write(current, '', new Set())};`);
  }
  const text = aliases.join('\n\n');
  const byName = declarations.get(schema) ?? new Map<string, string>();
  byName.set(name, text);
  declarations.set(schema, byName);
  return text;
}

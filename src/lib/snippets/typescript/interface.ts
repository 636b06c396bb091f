import type { JsonSchema } from '../../openapi/types.ts';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** Deepest nesting written out; deeper (or circular) schemas become `unknown`. */
const MAX_DEPTH = 6;

/** A property key, quoted when it is not a plain identifier. */
function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

/** A TypeScript type expression for a schema, indented for nested object literals. */
export function schemaToType(
  schema: JsonSchema | undefined,
  indent = '',
  seen: ReadonlySet<JsonSchema> = new Set(),
): string {
  if (!schema || seen.has(schema) || seen.size >= MAX_DEPTH) return 'unknown';
  const nested = new Set(seen).add(schema);
  const nullable = schema.nullable ? ' | null' : '';
  if (schema.enum && schema.enum.length > 0)
    return schema.enum.map((value) => JSON.stringify(value)).join(' | ') + nullable;
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants && variants.length > 0)
    return variants.map((variant) => schemaToType(variant, indent, nested)).join(' | ');
  if (schema.allOf && schema.allOf.length > 0)
    return schema.allOf.map((part) => schemaToType(part, indent, nested)).join(' & ');
  switch (schema.type) {
    case 'string':
      return `string${nullable}`;
    case 'integer':
    case 'number':
      return `number${nullable}`;
    case 'boolean':
      return `boolean${nullable}`;
    case 'array': {
      const item = schemaToType(schema.items, indent, nested);
      return `${/[|&]/.test(item) ? `(${item})` : item}[]${nullable}`;
    }
    default:
      if (schema.properties || schema.type === 'object')
        return objectType(schema, indent, nested) + nullable;
      return 'unknown';
  }
}

/** An object literal type with one line per property, optional unless required. */
function objectType(schema: JsonSchema, indent: string, seen: ReadonlySet<JsonSchema>): string {
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length === 0) return 'Record<string, unknown>';
  const inner = `${indent}  `;
  const lines = properties.map(([name, property]) => {
    const optional = schema.required?.includes(name) ? '' : '?';
    const comment = property.description
      ? `${inner}/** ${property.description.replace(/\*\//g, '* /').replace(/\s+/g, ' ').trim()} */\n`
      : '';
    return `${comment}${inner}${propertyKey(name)}${optional}: ${schemaToType(property, inner, seen)};`;
  });
  return `{\n${lines.join('\n')}\n${indent}}`;
}

/** An `interface` declaration (or a type alias for non-object schemas) named `name`. */
export function interfaceDeclaration(name: string, schema: JsonSchema): string {
  const type = schemaToType(schema);
  return type.startsWith('{') ? `interface ${name} ${type}` : `type ${name} = ${type};`;
}

import type { JsonSchema } from '../openapi/types.ts';

/** Deepest nesting the sampler follows, so recursive schemas end. */
const MAX_DEPTH = 8;

/** A plausible string for a format, used when a string schema has no example. */
const FORMAT_SAMPLES: Readonly<Record<string, string>> = {
  'date-time': '2026-01-01T00:00:00Z',
  date: '2026-01-01',
  uri: 'https://example.com/resource',
  url: 'https://example.com/resource',
  email: 'someone@example.com',
  uuid: '00000000-0000-4000-8000-000000000000',
  byte: 'AA==',
};

/** A string that satisfies the schema's length limits. */
function sampleString(schema: JsonSchema): string {
  const base = (schema.format !== undefined && FORMAT_SAMPLES[schema.format]) || 'string';
  const min = schema.minLength ?? 0;
  const padded = base.length >= min ? base : base.padEnd(min, 'x');
  return schema.maxLength === undefined ? padded : padded.slice(0, schema.maxLength);
}

/**
 * A value matching `schema`, for responses whose document gives no example: the schema's own
 * example or default, else the first enum value, else a value built from the type and limits.
 * Write-only properties are left out (they never appear in a response).
 */
export function sampleFromSchema(schema: JsonSchema, depth = 0): unknown {
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum !== undefined && schema.enum.length > 0) return schema.enum[0];
  if (depth > MAX_DEPTH) return schema.nullable === true ? null : undefined;
  if (schema.allOf !== undefined) {
    const parts = schema.allOf.map((part) => sampleFromSchema(part, depth + 1));
    return parts.every((part) => typeof part === 'object' && part !== null && !Array.isArray(part))
      ? Object.assign({}, ...parts)
      : parts[0];
  }
  const alternative = schema.oneOf?.[0] ?? schema.anyOf?.[0];
  if (alternative !== undefined) return sampleFromSchema(alternative, depth + 1);
  const type = schema.type ?? (schema.properties !== undefined ? 'object' : undefined);
  switch (type) {
    case 'string':
      return sampleString(schema);
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.maximum !== undefined ? Math.min(0, schema.maximum) : 0);
    case 'boolean':
      return true;
    case 'array': {
      const item =
        schema.items === undefined ? 'string' : sampleFromSchema(schema.items, depth + 1);
      return item === undefined
        ? []
        : Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => item);
    }
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        if ((property as { writeOnly?: boolean }).writeOnly === true) continue;
        const value = sampleFromSchema(property, depth + 1);
        if (value !== undefined) result[name] = value;
      }
      return result;
    }
    default:
      return {};
  }
}

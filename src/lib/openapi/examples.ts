import { sample } from 'openapi-sampler';
import type { JsonSchema, NamedExample, ParameterModel } from './types.ts';

type Obj = Record<string, unknown>;

/** Narrows an unknown value to a plain object. */
function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A body generated from a schema: required fields only, enums and formats respected, `readOnly`
 * left out. Build-time only (it pulls in openapi-sampler), so browser code never imports it.
 */
export function sampleFromSchema(schema: JsonSchema): unknown {
  return sample(schema as Parameters<typeof sample>[0], {
    skipNonRequired: true,
    skipReadOnly: true,
    quiet: true,
    maxSampleDepth: 8,
  });
}

/**
 * An answer generated from a response schema, for the mock: every property, `writeOnly` left
 * out. Server-side only, like `sampleFromSchema`.
 */
export function responseSample(schema: JsonSchema): unknown {
  return sample(schema as Parameters<typeof sample>[0], {
    skipWriteOnly: true,
    quiet: true,
    maxSampleDepth: 8,
  });
}

/**
 * The named examples of a media type object: `example`, else every entry of `examples` in
 * document order, else one generated from the schema, so every body starts with a value.
 */
export function examplesOf(media: Obj, schema: JsonSchema): NamedExample[] {
  if (media['example'] !== undefined)
    return [{ name: 'example', summary: '', value: media['example'] }];
  const named = isObject(media['examples']) ? Object.entries(media['examples']) : [];
  const found = named.flatMap(([name, example]) =>
    isObject(example) && 'value' in example
      ? [
          {
            name,
            summary: typeof example['summary'] === 'string' ? example['summary'] : '',
            value: example['value'],
          },
        ]
      : [],
  );
  if (found.length > 0) return found;
  return [
    { name: 'generated', summary: 'Generated from the schema', value: sampleFromSchema(schema) },
  ];
}

/**
 * A starting value for a parameter as the form holds it: the document's example, else one
 * generated from the schema; arrays as lists, objects as JSON text.
 */
export function parameterSample(parameter: ParameterModel): string | string[] {
  const list = parameter.schema.type === 'array' || parameter.schema.type === 'object';
  const value = (list ? undefined : parameter.example) ?? sampleFromSchema(parameter.schema);
  if (Array.isArray(value))
    return value.map((entry) => (typeof entry === 'string' ? entry : JSON.stringify(entry)));
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { JsonSchema, ParameterModel } from '../openapi/types.ts';
import type { FieldViolation } from './responses.ts';

/** What a request carries, by parameter location. */
export interface RequestParts {
  path: Readonly<Record<string, string>>;
  query: URLSearchParams;
  headers: Headers;
}

/** The problem with one scalar value, or null when it fits the schema. */
function scalarProblem(value: string, schema: JsonSchema): string | null {
  if (schema.type === 'integer' && !/^-?\d+$/.test(value)) return 'Must be a whole number.';
  if (schema.type === 'number' && (value.trim() === '' || !Number.isFinite(Number(value))))
    return 'Must be a number.';
  if (schema.type === 'boolean' && value !== 'true' && value !== 'false')
    return 'Must be true or false.';
  if (schema.enum !== undefined && !schema.enum.map(String).includes(value))
    return `Must be one of ${schema.enum.join(', ')}.`;
  if (schema.type === 'integer' || schema.type === 'number') {
    const number = Number(value);
    if (schema.minimum !== undefined && number < schema.minimum)
      return `Must be at least ${schema.minimum}.`;
    if (schema.maximum !== undefined && number > schema.maximum)
      return `Must be at most ${schema.maximum}.`;
  }
  if (schema.minLength !== undefined && value.length < schema.minLength)
    return `Must be at least ${schema.minLength} characters long.`;
  if (schema.maxLength !== undefined && value.length > schema.maxLength)
    return `Must be at most ${schema.maxLength} characters long.`;
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value))
    return `Must match the pattern ${schema.pattern}.`;
  return null;
}

/** The values a query parameter was sent with: repeated, or comma-separated when not exploded. */
function queryValues(query: URLSearchParams, parameter: ParameterModel): string[] {
  const values = query.getAll(parameter.name);
  return parameter.schema.type === 'array' && parameter.explode === false
    ? values.flatMap((value) => value.split(','))
    : values;
}

/**
 * Checks path, query and header parameters against their schemas (required, type, enum,
 * minimum/maximum, lengths, pattern, item counts) and names each parameter at fault.
 */
export function parameterViolations(
  parameters: readonly ParameterModel[],
  parts: RequestParts,
): FieldViolation[] {
  const violations: FieldViolation[] = [];
  for (const parameter of parameters) {
    const { name, schema } = parameter;
    let values: string[];
    if (parameter.in === 'path') values = parts.path[name] === undefined ? [] : [parts.path[name]];
    else if (parameter.in === 'query') values = queryValues(parts.query, parameter);
    else {
      const header = parts.headers.get(name);
      values = header === null ? [] : [header];
    }
    if (values.length === 0) {
      if (parameter.required) violations.push({ field: name, description: 'Required.' });
      continue;
    }
    if (schema.type !== 'array' && values.length > 1) {
      violations.push({ field: name, description: 'Must be given once.' });
      continue;
    }
    const itemSchema = schema.type === 'array' ? (schema.items ?? {}) : schema;
    if (schema.type === 'array') {
      if (schema.minItems !== undefined && values.length < schema.minItems)
        violations.push({
          field: name,
          description: `Must have at least ${schema.minItems} values.`,
        });
      if (schema.maxItems !== undefined && values.length > schema.maxItems)
        violations.push({
          field: name,
          description: `Must have at most ${schema.maxItems} values.`,
        });
    }
    for (const value of values) {
      const problem = scalarProblem(value, itemSchema);
      if (problem !== null) {
        violations.push({ field: name, description: problem });
        break;
      }
    }
  }
  return violations;
}

/** `/a/0/b` → `a[0].b`, the field path Sinch's violations use. */
function fieldPath(pointer: string, child?: string): string {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (child !== undefined) segments.push(child);
  return (
    segments
      .map((segment, index) =>
        /^\d+$/.test(segment) ? `[${segment}]` : `${index === 0 ? '' : '.'}${segment}`,
      )
      .join('') || 'body'
  );
}

/** One ajv error as a field violation in our words. */
function toViolation(error: ErrorObject): FieldViolation {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required')
    return {
      field: fieldPath(error.instancePath, String(params['missingProperty'])),
      description: 'Required.',
    };
  if (error.keyword === 'additionalProperties')
    return {
      field: fieldPath(error.instancePath, String(params['additionalProperty'])),
      description: 'Unknown field.',
    };
  const allowed = Array.isArray(params['allowedValues'])
    ? ` (${params['allowedValues'].map(String).join(', ')})`
    : '';
  const message = error.message ?? 'is invalid';
  return {
    field: fieldPath(error.instancePath),
    description: `${message.charAt(0).toUpperCase()}${message.slice(1)}${allowed}.`,
  };
}

/**
 * Validates JSON bodies against OpenAPI 3.0 schemas with ajv: every error at once, formats
 * checked, `nullable` understood, documentation keywords (`example`) ignored. Each schema is
 * compiled once, on first use.
 */
export class BodyValidator {
  readonly #ajv = new Ajv({ allErrors: true, strict: false });
  readonly #compiled = new WeakMap<object, ValidateFunction>();

  constructor() {
    addFormats(this.#ajv);
  }

  /** The fields of `body` that break `schema` (none when it is valid). */
  violations(schema: JsonSchema, body: unknown): FieldViolation[] {
    let validate = this.#compiled.get(schema);
    if (validate === undefined) {
      validate = this.#ajv.compile(schema);
      this.#compiled.set(schema, validate);
    }
    if (validate(body)) return [];
    // `allOf` parts each report the same fault; name it once.
    const seen = new Set<string>();
    return (validate.errors ?? []).map(toViolation).filter((violation) => {
      const key = `${violation.field}\n${violation.description}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
}

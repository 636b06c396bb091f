import type { JsonSchema, JsonType } from '../openapi/types.ts';

/** The schema's type names as a list: a 3.1 type array, a 3.0 single type, `null` for `nullable`. */
export function schemaTypes(schema: JsonSchema): JsonType[] {
  const list: JsonType[] =
    schema.type === undefined
      ? []
      : typeof schema.type === 'string'
        ? [schema.type]
        : [...schema.type];
  if (schema.nullable === true && !list.includes('null')) list.push('null');
  return list;
}

/** Checks a number against `minimum`/`maximum` and their exclusive forms (3.0 flags, 3.1 numbers). */
function checkRange(field: string, schema: JsonSchema, number: number): string | null {
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = schema;
  if (typeof exclusiveMinimum === 'number' && number <= exclusiveMinimum)
    return `${field} must be greater than ${exclusiveMinimum}.`;
  if (typeof exclusiveMaximum === 'number' && number >= exclusiveMaximum)
    return `${field} must be less than ${exclusiveMaximum}.`;
  if (minimum !== undefined && (exclusiveMinimum === true ? number <= minimum : number < minimum))
    return `${field} must be ${exclusiveMinimum === true ? 'greater than' : 'at least'} ${minimum}.`;
  if (maximum !== undefined && (exclusiveMaximum === true ? number >= maximum : number > maximum))
    return `${field} must be ${exclusiveMaximum === true ? 'less than' : 'at most'} ${maximum}.`;
  return null;
}

/**
 * Checks one typed text value against its schema (type, 3.1 type arrays, enum, range, pattern,
 * length). Returns a message naming `field`, or null when the value fits. Pure, so the form
 * in the browser and the request builder share it.
 */
export function checkTextValue(field: string, schema: JsonSchema, value: string): string | null {
  const types = schemaTypes(schema);
  if (types.includes('null') && value === 'null') return null;
  if (schema.enum && schema.enum.length > 0 && !schema.enum.map(String).includes(value))
    return `${field} must be one of ${schema.enum.map(String).join(', ')}.`;
  const numeric = types.filter((type) => type === 'integer' || type === 'number');
  const textual = types.length === 0 || types.includes('string');
  if (numeric.length > 0 && !textual) {
    const number = Number(value);
    const wholeOnly = !numeric.includes('number');
    if (value.trim() === '' || !Number.isFinite(number) || (wholeOnly && !Number.isInteger(number)))
      return `${field} must be ${wholeOnly ? 'a whole number' : 'a number'}.`;
    return checkRange(field, schema, number);
  }
  if (types.includes('boolean') && !textual && value !== 'true' && value !== 'false')
    return `${field} must be true or false.`;
  if (schema.minLength !== undefined && [...value].length < schema.minLength)
    return `${field} must be at least ${schema.minLength} characters.`;
  if (schema.maxLength !== undefined && [...value].length > schema.maxLength)
    return `${field} must be at most ${schema.maxLength} characters.`;
  if (schema.pattern !== undefined && !safePattern(schema.pattern).test(value))
    return `${field} does not have the expected format (${schema.pattern}).`;
  return null;
}

/** A pattern as a RegExp; one JavaScript cannot compile matches anything rather than failing the form. */
function safePattern(pattern: string): RegExp {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return /[^]*/;
  }
}

/** Checks a list against `minItems`/`maxItems` and each entry against `items`; a message naming `field`, or null. */
export function checkListValue(
  field: string,
  schema: JsonSchema,
  values: readonly string[],
): string | null {
  if (schema.minItems !== undefined && values.length < schema.minItems)
    return `${field} needs at least ${schema.minItems} value${schema.minItems === 1 ? '' : 's'}.`;
  if (schema.maxItems !== undefined && values.length > schema.maxItems)
    return `${field} takes at most ${schema.maxItems} value${schema.maxItems === 1 ? '' : 's'}.`;
  for (const value of values) {
    const problem = checkTextValue(field, schema.items ?? {}, value);
    if (problem) return problem;
  }
  return null;
}

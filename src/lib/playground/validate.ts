import type { ParameterModel } from '../openapi/types.ts';

/** Checks one typed parameter value against its schema; a message for the reader, or null. */
export function checkParameter(parameter: ParameterModel, value: string): string | null {
  if (value === '') return null;
  const { schema } = parameter;
  if (schema.type === 'integer' || schema.type === 'number') {
    const number = Number(value);
    if (!Number.isFinite(number) || (schema.type === 'integer' && !Number.isInteger(number)))
      return `${parameter.name} must be ${schema.type === 'integer' ? 'a whole number' : 'a number'}.`;
    if (schema.minimum !== undefined && number < schema.minimum)
      return `${parameter.name} must be at least ${schema.minimum}.`;
    if (schema.maximum !== undefined && number > schema.maximum)
      return `${parameter.name} must be at most ${schema.maximum}.`;
    return null;
  }
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) {
    if (parameter.name === 'regionCode')
      return 'regionCode must be two capital letters, such as US.';
    return `${parameter.name} does not have the expected format (${schema.pattern}).`;
  }
  if (schema.minLength !== undefined && value.length < schema.minLength)
    return `${parameter.name} must be at least ${schema.minLength} characters.`;
  if (schema.maxLength !== undefined && value.length > schema.maxLength)
    return `${parameter.name} must be at most ${schema.maxLength} characters.`;
  if (schema.enum && !schema.enum.map(String).includes(value))
    return `${parameter.name} must be one of ${schema.enum.join(', ')}.`;
  return null;
}

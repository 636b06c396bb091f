import type { ParameterModel } from '../openapi/types.ts';
import type { ParameterValues } from './types.ts';

/** A parameter value as a list: one entry for scalars, several for arrays, none when empty. */
export function valuesOf(value: ParameterValues[string]): string[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return value === '' ? [] : [value];
  return value.filter((entry) => entry !== '');
}

/**
 * Percent-encodes everything but RFC 3986 unreserved characters. Stricter than
 * `encodeURIComponent` (which keeps `!'()*`) because fetch and other clients re-encode `'`
 * in queries, and the copied URL must be byte-for-byte what is sent.
 */
export function encodeComponent(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Percent-encodes one path parameter value (`simple` style): `/`, `+`, `:` and the rest all encoded. */
export function encodePathValue(value: string): string {
  return encodeComponent(value);
}

/**
 * Serialises query parameters in OpenAPI's default `form` style with `explode`: arrays repeat
 * the name (`capabilities=SMS&capabilities=VOICE`), dotted names stay as they are, empty values
 * are left out. Non-exploded arrays are joined with commas.
 */
export function serialiseQuery(
  parameters: readonly ParameterModel[],
  values: ParameterValues,
): string {
  const pairs: string[] = [];
  for (const parameter of parameters) {
    if (parameter.in !== 'query') continue;
    const entries = valuesOf(values[parameter.name]);
    if (entries.length === 0) continue;
    const name = encodeComponent(parameter.name);
    if (parameter.explode === false) {
      pairs.push(`${name}=${entries.map(encodeComponent).join(',')}`);
    } else {
      for (const entry of entries) pairs.push(`${name}=${encodeComponent(entry)}`);
    }
  }
  return pairs.join('&');
}

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

/** Reserved characters `allowReserved` keeps as they are; `&=#+[]'` stay encoded so the query keeps its shape in every client. */
const KEPT_RESERVED = /%(3A|2F|3F|40|21|24|2C|3B|2A)/g;

/** Percent-encodes a query value, keeping reserved characters when the parameter allows them. */
function encodeQueryValue(value: string, allowReserved: boolean): string {
  const encoded = encodeComponent(value);
  return allowReserved
    ? encoded.replace(KEPT_RESERVED, (match) => decodeURIComponent(match))
    : encoded;
}

/** Percent-encodes one path parameter value (`simple` style): `/`, `+`, `:` and the rest all encoded. */
export function encodePathValue(value: string): string {
  return encodeComponent(value);
}

/** A value the reader typed, shaped for serialisation: one string, a list, or key/value pairs. */
export type ShapedValue =
  | { shape: 'primitive'; value: string }
  | { shape: 'array'; values: string[] }
  | { shape: 'object'; entries: [string, string][] };

/** True when the schema says array (also in a 3.1 type list). */
function hasType(parameter: ParameterModel, type: 'array' | 'object'): boolean {
  const declared = parameter.schema.type;
  if (declared === type) return true;
  if (Array.isArray(declared)) return (declared as readonly string[]).includes(type);
  return type === 'object' && declared === undefined && parameter.schema.properties !== undefined;
}

/**
 * Shapes a typed value for its parameter: arrays from repeated values, objects from a JSON
 * object text (`{"use-case":"x"}`); null when empty, an error message when an object is malformed.
 */
export function shapeValue(
  parameter: ParameterModel,
  value: ParameterValues[string],
): ShapedValue | null | string {
  const entries = valuesOf(value);
  if (entries.length === 0) return null;
  if (hasType(parameter, 'array') || entries.length > 1) return { shape: 'array', values: entries };
  if (hasType(parameter, 'object')) {
    try {
      const parsed: unknown = JSON.parse(entries[0]!);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error();
      return {
        shape: 'object',
        entries: Object.entries(parsed).map(([key, item]) => [
          key,
          typeof item === 'string' ? item : JSON.stringify(item),
        ]),
      };
    } catch {
      return `${parameter.name} must be a JSON object, such as {"key": "value"}.`;
    }
  }
  return { shape: 'primitive', value: entries[0]! };
}

/** Whether a parameter explodes: its own `explode`, else true for `form` style only. */
function explodes(parameter: ParameterModel, style: string): boolean {
  return parameter.explode ?? style === 'form';
}

/** One query parameter's `name=value` pairs in its style (form, spaceDelimited, pipeDelimited, deepObject). */
export function serialiseQueryParameter(parameter: ParameterModel, shaped: ShapedValue): string[] {
  const style = parameter.style ?? 'form';
  const explode = explodes(parameter, style);
  const name = encodeComponent(parameter.name);
  const encode = (text: string) => encodeQueryValue(text, parameter.allowReserved === true);
  if (shaped.shape === 'primitive') return [`${name}=${encode(shaped.value)}`];
  if (shaped.shape === 'array') {
    if (explode) return shaped.values.map((value) => `${name}=${encode(value)}`);
    const separator = style === 'spaceDelimited' ? '%20' : style === 'pipeDelimited' ? '%7C' : ',';
    return [`${name}=${shaped.values.map(encode).join(separator)}`];
  }
  if (style === 'deepObject')
    return shaped.entries.map(
      ([key, value]) => `${name}%5B${encodeComponent(key)}%5D=${encode(value)}`,
    );
  if (explode)
    return shaped.entries.map(([key, value]) => `${encodeComponent(key)}=${encode(value)}`);
  return [`${name}=${shaped.entries.flat().map(encode).join(',')}`];
}

/** One path parameter's text in its style: `simple`, `label` (`.x`) or `matrix` (`;name=x`). */
export function serialisePathParameter(parameter: ParameterModel, shaped: ShapedValue): string {
  const style = parameter.style ?? 'simple';
  const explode = explodes(parameter, style);
  const name = encodeComponent(parameter.name);
  const prefix = style === 'label' ? '.' : style === 'matrix' ? ';' : '';
  const pairs = (separator: string, joiner: string) =>
    shaped.shape === 'object'
      ? shaped.entries
          .map(([key, value]) => `${encodeComponent(key)}${separator}${encodePathValue(value)}`)
          .join(joiner)
      : '';
  if (shaped.shape === 'primitive')
    return style === 'matrix'
      ? `;${name}=${encodePathValue(shaped.value)}`
      : `${prefix}${encodePathValue(shaped.value)}`;
  if (shaped.shape === 'array') {
    const values = shaped.values.map(encodePathValue);
    if (style === 'matrix')
      return explode
        ? values.map((value) => `;${name}=${value}`).join('')
        : `;${name}=${values.join(',')}`;
    return prefix + values.join(explode && style === 'label' ? '.' : ',');
  }
  if (style === 'matrix') return explode ? `;${pairs('=', ';')}` : `;${name}=${pairs(',', ',')}`;
  if (style === 'label') return `.${explode ? pairs('=', '.') : pairs(',', ',')}`;
  return explode ? pairs('=', ',') : pairs(',', ',');
}

/** A header (or cookie) value in `simple` (or `form`) style: lists and pairs joined with commas. */
export function serialiseHeaderValue(parameter: ParameterModel, shaped: ShapedValue): string {
  if (shaped.shape === 'primitive') return shaped.value;
  if (shaped.shape === 'array') return shaped.values.join(',');
  return parameter.explode === true
    ? shaped.entries.map(([key, value]) => `${key}=${value}`).join(',')
    : shaped.entries.flat().join(',');
}

/**
 * Serialises query parameters, each in its own style (OpenAPI's default is `form` with explode:
 * arrays repeat the name, objects become their own pairs); dotted names stay as they are, empty
 * values are left out.
 */
export function serialiseQuery(
  parameters: readonly ParameterModel[],
  values: ParameterValues,
): string {
  const pairs: string[] = [];
  for (const parameter of parameters) {
    if (parameter.in !== 'query') continue;
    const shaped = shapeValue(parameter, values[parameter.name]);
    if (shaped === null || typeof shaped === 'string') continue;
    pairs.push(...serialiseQueryParameter(parameter, shaped));
  }
  return pairs.join('&');
}

import type { ParameterValues } from '../request/types.ts';
import { isProjectIdName } from '../request/build.ts';
import { AUTH_CHOICES, type AuthChoice } from './auth.ts';

/** What a shareable link restores: never credentials. */
export interface SharedState {
  operation: string;
  /** `mock`, or the URL of one of the operation's servers. */
  server: string;
  auth: AuthChoice;
  params: ParameterValues;
  /** Values of the chosen server's variables, by name (`region`…). */
  serverVariables?: Readonly<Record<string, string>>;
  /** The request media type picked, when the operation offers several. */
  mediaType?: string;
  /** The name of the request body example picked, when the body has several. */
  example?: string;
}

/** Parameter names a link must never carry, whatever an operation calls them. */
const SECRET_NAMES = /secret|password|token|key/i;

/**
 * Writes the state as a URL hash:
 * `#try=<operation>&server=…&auth=…&p.<name>=<value>&v.<variable>=<value>&media=…&example=…`.
 */
export function encodeSharedState(state: SharedState): string {
  const search = new URLSearchParams({
    try: state.operation,
    server: state.server,
    auth: state.auth,
  });
  for (const [name, value] of Object.entries(state.params)) {
    if (isProjectIdName(name) || SECRET_NAMES.test(name) || value === undefined) continue;
    for (const entry of typeof value === 'string' ? [value] : value)
      if (entry !== '') search.append(`p.${name}`, entry);
  }
  for (const [name, value] of Object.entries(state.serverVariables ?? {}))
    if (!isProjectIdName(name) && !SECRET_NAMES.test(name) && value !== '')
      search.append(`v.${name}`, value);
  if (state.mediaType) search.set('media', state.mediaType);
  if (state.example) search.set('example', state.example);
  return `#${search.toString()}`;
}

/** Reads a hash written by `encodeSharedState`; null when it holds no playground state. */
export function decodeSharedState(hash: string): SharedState | null {
  const search = new URLSearchParams(hash.replace(/^#/, ''));
  const operation = search.get('try');
  if (!operation) return null;
  const params: Record<string, string[]> = {};
  for (const [key, value] of search) {
    if (!key.startsWith('p.')) continue;
    const name = key.slice(2);
    if (isProjectIdName(name) || SECRET_NAMES.test(name)) continue;
    (params[name] ??= []).push(value);
  }
  const serverVariables: Record<string, string> = {};
  for (const [key, value] of search) {
    const name = key.slice(2);
    if (key.startsWith('v.') && !isProjectIdName(name) && !SECRET_NAMES.test(name))
      serverVariables[name] = value;
  }
  const mediaType = search.get('media');
  const example = search.get('example');
  return {
    operation,
    server: search.get('server') ?? 'mock',
    auth: AUTH_CHOICES.find((choice) => choice === search.get('auth')) ?? 'basic',
    params: Object.fromEntries(
      Object.entries(params).map(([name, values]) => [
        name,
        values.length === 1 ? values[0]! : values,
      ]),
    ),
    ...(Object.keys(serverVariables).length > 0 ? { serverVariables } : {}),
    ...(mediaType ? { mediaType } : {}),
    ...(example ? { example } : {}),
  };
}

import type { OperationModel } from '../openapi/types.ts';
import { validateBasicCredentials } from './basic.ts';
import type { FieldError, Result } from './errors.ts';
import { encodePathValue, serialiseQuery, valuesOf } from './serialise.ts';
import type { HttpRequest, ParameterValues, RequestAuth } from './types.ts';

/** What the reader chose: the operation, where to send it, its values and how to authenticate. */
export interface BuildInput {
  operation: OperationModel;
  /** Base URL of the server, e.g. `https://numbers.api.sinch.com` or the mock's base. */
  serverUrl: string;
  params: ParameterValues;
  /** Raw body text; ignored for operations without a request body. */
  body?: string | null;
  auth: RequestAuth;
}

const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/** Checks the server URL and returns it without a trailing slash. */
function parseServerUrl(serverUrl: string, errors: FieldError[]): string {
  try {
    const url = new URL(serverUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('scheme');
    if (url.search || url.hash || url.username || url.password) throw new Error('extra parts');
    return url.href.replace(/\/+$/, '');
  } catch {
    errors.push({ field: 'serverUrl', message: `"${serverUrl}" is not an http(s) base URL.` });
    return '';
  }
}

/** Fills the path template, percent-encoding each value so it stays inside its segment. */
function fillPath(input: BuildInput, errors: FieldError[]): string {
  return input.operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const [value] = valuesOf(input.params[name]);
    if (value === undefined) {
      errors.push({ field: name, message: `${name} is required.` });
      return `{${name}}`;
    }
    if (value === '.' || value === '..') {
      errors.push({ field: name, message: `${name} cannot be "${value}".` });
    }
    return encodePathValue(value);
  });
}

/** Validates the auth choice, naming `keyId`, `keySecret` or `token` on failure. */
function checkAuth(auth: RequestAuth, errors: FieldError[]): void {
  if (auth.type === 'basic') errors.push(...validateBasicCredentials(auth.username, auth.password));
  if (auth.type === 'bearer' && (auth.token === '' || CONTROL_CHARACTER.test(auth.token)))
    errors.push({ field: 'token', message: 'The access token is empty or malformed.' });
}

/** Checks the body against the operation: required, and valid JSON for JSON media types. */
function checkBody(input: BuildInput, errors: FieldError[]): string | null {
  const spec = input.operation.requestBody;
  if (!spec) return null;
  const body = input.body ?? '';
  if (body.trim() === '') {
    if (spec.required) errors.push({ field: 'body', message: 'A request body is required.' });
    return null;
  }
  if (/json/i.test(spec.contentType)) {
    try {
      JSON.parse(body);
    } catch (error) {
      errors.push({
        field: 'body',
        message: `The body is not valid JSON: ${(error as Error).message}`,
      });
    }
  }
  return body;
}

/**
 * Builds the one neutral request from an operation and the reader's values. Every snippet and
 * the live request are made from its result, so what is copied is what is sent.
 */
export function buildRequest(input: BuildInput): Result<HttpRequest> {
  const errors: FieldError[] = [];
  const base = parseServerUrl(input.serverUrl, errors);
  const path = fillPath(input, errors);
  for (const parameter of input.operation.parameters) {
    if (parameter.in === 'path' || !parameter.required) continue;
    if (valuesOf(input.params[parameter.name]).length === 0)
      errors.push({ field: parameter.name, message: `${parameter.name} is required.` });
  }
  const headers: Record<string, string> = { Accept: 'application/json' };
  for (const parameter of input.operation.parameters) {
    if (parameter.in !== 'header') continue;
    const [value] = valuesOf(input.params[parameter.name]);
    if (value === undefined) continue;
    if (CONTROL_CHARACTER.test(value))
      errors.push({
        field: parameter.name,
        message: `${parameter.name} contains a control character.`,
      });
    headers[parameter.name] = value;
  }
  const body = checkBody(input, errors);
  if (body !== null && input.operation.requestBody)
    headers['Content-Type'] = input.operation.requestBody.contentType;
  checkAuth(input.auth, errors);
  if (errors.length > 0) return { ok: false, errors };
  const query = serialiseQuery(input.operation.parameters, input.params);
  return {
    ok: true,
    value: {
      method: input.operation.method,
      url: `${base}${path}${query ? `?${query}` : ''}`,
      headers,
      body,
      auth: input.auth,
    },
  };
}

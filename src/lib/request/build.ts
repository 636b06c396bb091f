import type { MediaTypeModel, OperationModel, ParameterModel } from '../openapi/types.ts';
import { CONTROL_CHARACTER, validateBasicCredentials } from './basic.ts';
import { bytesToBase64 } from './bytes.ts';
import type { FieldError, Result } from './errors.ts';
import { encodeMultipart, type MultipartPart } from './multipart.ts';
import { checkListValue, checkTextValue } from './schema-check.ts';
import {
  encodeComponent,
  serialiseHeaderValue,
  serialisePathParameter,
  serialiseQueryParameter,
  shapeValue,
  valuesOf,
} from './serialise.ts';
import type {
  ContentPart,
  FileInput,
  HttpRequest,
  ParameterValues,
  RequestAuth,
  RequestContent,
  RequestUrl,
  UrlPiece,
} from './types.ts';

/** What the reader chose: the operation, where to send it, its values and how to authenticate. */
export interface BuildInput {
  operation: OperationModel;
  /**
   * Base URL of the server, e.g. `https://numbers.api.sinch.com` or the mock's base; may be a
   * template (`https://{region}.example.com`) filled from `serverVariables`.
   */
  serverUrl: string;
  /** Values for the server URL template's variables; a project-ID variable follows `projectId`. */
  serverVariables?: Readonly<Record<string, string>>;
  params: ParameterValues;
  /** Body text (JSON text of the fields for form and multipart bodies); ignored without a body. */
  body?: string | null;
  /** The chosen request media type; defaults to the operation's preferred one. */
  mediaType?: string;
  /** Files for file fields (multipart), or under `body` for a binary body. */
  files?: Readonly<Record<string, FileInput>>;
  /** The `Accept` header; defaults to the operation's response media types. */
  accept?: string;
  /** An API key sent in a header, query or cookie under the name the document declares. */
  apiKey?: { in: 'header' | 'query' | 'cookie'; name: string; value: string };
  auth: RequestAuth;
}

/** Everything made from one input: the request to send, and the parts snippets write. */
export interface PreparedRequest {
  /** The neutral request: the body of POST /api/proxy, and what snippets describe. */
  request: HttpRequest;
  /** The URL in parts, with the project ID located. */
  url: RequestUrl;
  /** The body in the shape snippets write it. */
  content: RequestContent;
}

const PROJECT_ID = /^project[-_]?id$/i;

/** True for a parameter or server variable that holds the Sinch project ID, under any spelling. */
export function isProjectIdName(name: string): boolean {
  return PROJECT_ID.test(name);
}

/** The value of a parameter, a project-ID parameter falling back to the Project ID field. */
function valueFor(name: string, params: ParameterValues): ParameterValues[string] {
  const own = params[name];
  if (isProjectIdName(name) && valuesOf(own).length === 0) return params['projectId'];
  return own;
}

/** Checks the server URL (after filling variables) and returns its pieces, project ID located. */
function serverPieces(input: BuildInput, errors: FieldError[]): UrlPiece[] {
  const pieces: UrlPiece[] = [];
  const template = input.serverUrl.replace(/\/+$/, '');
  let filled = '';
  let last = 0;
  for (const match of template.matchAll(/\{([^}]+)\}/g)) {
    const name = match[1] ?? '';
    const literal = template.slice(last, match.index);
    pieces.push({ text: literal });
    filled += literal;
    const value = isProjectIdName(name)
      ? (valuesOf(input.serverVariables?.[name] ?? input.params['projectId'])[0] ?? '')
      : (input.serverVariables?.[name] ?? '');
    if (value === '') errors.push({ field: name, message: `${name} is required.` });
    if (isProjectIdName(name)) pieces.push({ projectId: value });
    else pieces.push({ text: value });
    filled += isProjectIdName(name) ? encodeComponent(value) : value;
    last = match.index + match[0].length;
  }
  pieces.push({ text: template.slice(last) });
  filled += template.slice(last);
  try {
    const url = new URL(filled);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('scheme');
    if (url.search || url.hash || url.username || url.password) throw new Error('extra parts');
  } catch {
    errors.push({ field: 'serverUrl', message: `"${filled}" is not an http(s) base URL.` });
  }
  return pieces.filter((piece) => !('text' in piece) || piece.text !== '');
}

/** Fills the path template, each value serialised in its style and kept inside its segment. */
function pathPieces(input: BuildInput, errors: FieldError[]): UrlPiece[] {
  const { operation } = input;
  const pieces: UrlPiece[] = [];
  let last = 0;
  for (const match of operation.path.matchAll(/\{([^}]+)\}/g)) {
    const name = match[1] ?? '';
    pieces.push({ text: operation.path.slice(last, match.index) });
    last = match.index + match[0].length;
    const parameter: ParameterModel = operation.parameters.find(
      (candidate) => candidate.in === 'path' && candidate.name === name,
    ) ?? { name, in: 'path', required: true, description: '', schema: {}, deprecated: false };
    const shaped = shapeValue(parameter, valueFor(name, input.params));
    if (shaped === null || typeof shaped === 'string') {
      errors.push({ field: name, message: shaped ?? `${name} is required.` });
      pieces.push({ text: `{${name}}` });
      continue;
    }
    if (shaped.shape === 'primitive' && (shaped.value === '.' || shaped.value === '..'))
      errors.push({ field: name, message: `${name} cannot be "${shaped.value}".` });
    if (
      isProjectIdName(name) &&
      shaped.shape === 'primitive' &&
      (parameter.style ?? 'simple') === 'simple'
    )
      pieces.push({ projectId: shaped.value });
    else pieces.push({ text: serialisePathParameter(parameter, shaped) });
  }
  pieces.push({ text: operation.path.slice(last) });
  return pieces.filter((piece) => !('text' in piece) || piece.text !== '');
}

/**
 * Checks every parameter value against its schema (type, 3.1 type arrays, range, pattern, list
 * length, enum). Advice for the form: the request is still built with values that fail it, so a
 * reader can try what the server says.
 */
export function checkParameterValues(
  operation: OperationModel,
  params: ParameterValues,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const parameter of operation.parameters) {
    const shaped = shapeValue(parameter, valueFor(parameter.name, params));
    const problem =
      typeof shaped === 'string'
        ? shaped
        : shaped?.shape === 'array'
          ? checkListValue(parameter.name, parameter.schema, shaped.values)
          : shaped?.shape === 'primitive'
            ? checkTextValue(parameter.name, parameter.schema, shaped.value)
            : null;
    if (problem) errors.push({ field: parameter.name, message: problem });
  }
  return errors;
}

/** Checks that required parameters have values, objects are well formed, headers single lines. */
function checkParameters(input: BuildInput, errors: FieldError[]): void {
  for (const parameter of input.operation.parameters) {
    const values = valuesOf(valueFor(parameter.name, input.params));
    if (values.length === 0) {
      if (parameter.required && parameter.in !== 'path')
        errors.push({ field: parameter.name, message: `${parameter.name} is required.` });
      continue;
    }
    const shaped = shapeValue(parameter, valueFor(parameter.name, input.params));
    if (typeof shaped === 'string' && parameter.in !== 'path')
      errors.push({ field: parameter.name, message: shaped });
    if (parameter.in !== 'query' && values.some((value) => CONTROL_CHARACTER.test(value)))
      errors.push({
        field: parameter.name,
        message: `${parameter.name} contains a control character.`,
      });
  }
}

/** The query string: every query parameter in its style, then a query API key. */
function queryString(input: BuildInput): string {
  const pairs: string[] = [];
  for (const parameter of input.operation.parameters) {
    if (parameter.in !== 'query') continue;
    const shaped = shapeValue(parameter, valueFor(parameter.name, input.params));
    if (shaped === null || typeof shaped === 'string') continue;
    pairs.push(...serialiseQueryParameter(parameter, shaped));
  }
  if (input.apiKey?.in === 'query')
    pairs.push(`${encodeComponent(input.apiKey.name)}=${encodeComponent(input.apiKey.value)}`);
  return pairs.join('&');
}

/** Header and cookie parameters (and a header or cookie API key) as request headers. */
function parameterHeaders(input: BuildInput, headers: Record<string, string>): void {
  const cookies: string[] = [];
  for (const parameter of input.operation.parameters) {
    if (parameter.in !== 'header' && parameter.in !== 'cookie') continue;
    const shaped = shapeValue(parameter, valueFor(parameter.name, input.params));
    if (shaped === null || typeof shaped === 'string') continue;
    const value = serialiseHeaderValue(parameter, shaped);
    if (parameter.in === 'header') headers[parameter.name] = value;
    else cookies.push(`${parameter.name}=${encodeComponent(value)}`);
  }
  if (input.apiKey?.in === 'header') headers[input.apiKey.name] = input.apiKey.value;
  if (input.apiKey?.in === 'cookie')
    cookies.push(`${input.apiKey.name}=${encodeComponent(input.apiKey.value)}`);
  if (cookies.length > 0) headers['Cookie'] = cookies.join('; ');
}

/** Validates the auth choice, naming `keyId`, `keySecret` or `token` on failure. */
function checkAuth(auth: RequestAuth, errors: FieldError[]): void {
  if (auth.type === 'basic') errors.push(...validateBasicCredentials(auth.username, auth.password));
  if (auth.type === 'bearer' && (auth.token === '' || CONTROL_CHARACTER.test(auth.token)))
    errors.push({ field: 'token', message: 'The access token is empty or malformed.' });
}

/** The media type the reader chose, or the operation's preferred one. */
function mediaTypeFor(input: BuildInput, errors: FieldError[]): MediaTypeModel | null {
  const spec = input.operation.requestBody;
  if (!spec) return null;
  const contents = spec.contents ?? [
    {
      contentType: spec.contentType,
      kind: /json/i.test(spec.contentType) ? 'json' : 'text',
      schema: spec.schema,
      examples: [],
      fileFields: [],
      partTypes: {},
    },
  ];
  const wanted = input.mediaType ?? spec.contentType;
  const media = contents.find((candidate) => candidate.contentType === wanted);
  if (!media)
    errors.push({
      field: 'mediaType',
      message: `The body cannot be sent as ${wanted}; choose one of ${contents.map((c) => c.contentType).join(', ')}.`,
    });
  return media ?? null;
}

/** Parses the body text as a JSON object of fields (form and multipart bodies). */
function bodyFields(body: string, errors: FieldError[]): Record<string, unknown> {
  if (body.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // Reported below.
  }
  errors.push({ field: 'body', message: 'The body must be a JSON object of the form fields.' });
  return {};
}

/** A field value as the text of a form field or multipart part (objects as JSON). */
function fieldText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The body: bytes or text for the live request, the structured content for snippets. */
function prepareBody(
  input: BuildInput,
  media: MediaTypeModel | null,
  errors: FieldError[],
): { body: string | null; encoding?: 'base64'; contentType?: string; content: RequestContent } {
  const spec = input.operation.requestBody;
  if (!spec || !media) return { body: null, content: { kind: 'none' } };
  const text = input.body ?? '';
  if (media.kind === 'binary') {
    const file = input.files?.['body'];
    if (!file) {
      if (spec.required)
        errors.push({ field: 'body', message: 'A file for the body is required.' });
      return { body: null, content: { kind: 'none' } };
    }
    const contentType = file.contentType ?? media.contentType;
    return {
      body: bytesToBase64(file.bytes ?? new Uint8Array()),
      encoding: 'base64',
      contentType,
      content: { kind: 'file', path: file.path, contentType },
    };
  }
  if (media.kind === 'multipart') {
    const fields = bodyFields(text, errors);
    const parts: ContentPart[] = [];
    const wire: MultipartPart[] = [];
    for (const [name, value] of Object.entries(fields)) {
      if (value === undefined || value === null) continue;
      for (const entry of Array.isArray(value) ? value : [value]) {
        const contentType =
          media.partTypes[name] ?? (typeof entry === 'object' ? 'application/json' : undefined);
        const part = { name, value: fieldText(entry), ...(contentType ? { contentType } : {}) };
        parts.push(part);
        wire.push(part);
      }
    }
    for (const field of media.fileFields) {
      const file = input.files?.[field.name];
      if (!file) {
        if (media.schema.required?.includes(field.name))
          errors.push({ field: field.name, message: `${field.name} needs a file.` });
        continue;
      }
      const contentType = file.contentType ?? field.contentType;
      parts.push({ name: field.name, path: file.path, contentType });
      wire.push({
        name: field.name,
        file: { path: file.path, bytes: file.bytes ?? new Uint8Array(), contentType },
      });
    }
    const encoded = encodeMultipart(wire);
    return {
      body: bytesToBase64(encoded.bytes),
      encoding: 'base64',
      contentType: encoded.contentType,
      content: { kind: 'multipart', parts },
    };
  }
  if (text.trim() === '') {
    if (spec.required) errors.push({ field: 'body', message: 'A request body is required.' });
    return { body: null, content: { kind: 'none' } };
  }
  let sent = text;
  if (media.kind === 'json') {
    try {
      JSON.parse(text);
    } catch (error) {
      errors.push({
        field: 'body',
        message: `The body is not valid JSON: ${(error as Error).message}`,
      });
    }
  } else if (media.kind === 'form' && text.trimStart().startsWith('{')) {
    const fields = bodyFields(text, errors);
    sent = Object.entries(fields)
      .flatMap(([name, value]) =>
        (Array.isArray(value) ? value : [value])
          .filter((entry) => entry !== undefined && entry !== null)
          .map((entry) => `${encodeComponent(name)}=${encodeComponent(fieldText(entry))}`),
      )
      .join('&');
  }
  return { body: sent, contentType: media.contentType, content: { kind: 'text', text: sent } };
}

/** The text of URL pieces, the project ID percent-encoded. */
export function urlPiecesText(pieces: readonly UrlPiece[]): string {
  return pieces
    .map((piece) => ('text' in piece ? piece.text : encodeComponent(piece.projectId)))
    .join('');
}

/**
 * Builds the request and the parts snippets need from an operation and the reader's values.
 * Every snippet and the live request are made from its result, so what is copied is what is sent.
 */
export function prepareRequest(input: BuildInput): Result<PreparedRequest> {
  const errors: FieldError[] = [];
  const server = serverPieces(input, errors);
  const path = pathPieces(input, errors);
  checkParameters(input, errors);
  const accept = input.accept ?? (input.operation.responseTypes?.join(', ') || 'application/json');
  const headers: Record<string, string> = { Accept: accept };
  parameterHeaders(input, headers);
  const media = mediaTypeFor(input, errors);
  const body = prepareBody(input, media, errors);
  if (body.contentType !== undefined && body.body !== null)
    headers['Content-Type'] = body.contentType;
  checkAuth(input.auth, errors);
  if (input.apiKey && (input.apiKey.value === '' || CONTROL_CHARACTER.test(input.apiKey.value)))
    errors.push({ field: 'apiKey', message: 'The API key is empty or malformed.' });
  if (errors.length > 0) return { ok: false, errors };
  const query = queryString(input);
  const request: HttpRequest = {
    method: input.operation.method,
    url: `${urlPiecesText(server)}${urlPiecesText(path)}${query ? `?${query}` : ''}`,
    headers,
    body: body.body,
    ...(body.encoding ? { bodyEncoding: body.encoding } : {}),
    auth: input.auth,
  };
  return { ok: true, value: { request, url: { server, path, query }, content: body.content } };
}

/** The request alone (the body of POST /api/proxy), for callers that only send. */
export function buildRequest(input: BuildInput): Result<HttpRequest> {
  const prepared = prepareRequest(input);
  return prepared.ok ? { ok: true, value: prepared.value.request } : prepared;
}

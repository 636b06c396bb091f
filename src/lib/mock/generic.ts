/**
 * The generic mock: answers every operation of the registered OpenAPI documents from their
 * examples (or from a sample of the response schema), after validating the request against
 * the document. Routing uses the same server → `/mock/<api>` mapping as the playground.
 */
import type { OpenApiDocument } from '../openapi/load.ts';
import { responseSample } from '../openapi/examples.ts';
import type { JsonSchema, OperationModel } from '../openapi/types.ts';
import { mockBaseUrl, sinchServerTemplate } from '../playground/servers.ts';
import { samplePdf } from './sample-pdf.ts';

/** One registered API as the mock needs it: its dereferenced document and operation models. */
export interface MockApi {
  document: OpenApiDocument;
  operations: readonly OperationModel[];
}

/** What the mock answers for an operation when the request is valid. */
export interface CannedAnswer {
  status: number;
  /** Media type of the answer; null for an empty body. */
  contentType: string | null;
  /** The JSON value (JSON types), bytes (PDF) or text (other types) to send. */
  body: unknown;
}

/** One operation the generic mock serves, with its compiled path. */
export interface MockRoute {
  operation: OperationModel;
  /** `/mock/<api>`, the base the playground sends this operation to. */
  base: string;
  pattern: RegExp;
  parameterNames: string[];
  answer: CannedAnswer;
}

type Obj = Record<string, unknown>;

/** Narrows to a plain object. */
function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The mock's base path for an operation: `/mock/<api>`, from the playground's own mapping; a
 * variable of the server's host is one more segment (`/mock/template/{region}`), matched like a
 * path parameter.
 */
export function mockBasePath(operation: OperationModel): string {
  return mockBaseUrl(sinchServerTemplate(operation), '');
}

/** A path template as an anchored pattern: `{name}` matches one non-empty segment part. */
function compilePath(base: string, template: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = `${base}${template}`
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(name);
      return '([^/]+?)';
    })
    .join('');
  return { pattern: new RegExp(`^${source}$`), names };
}

/**
 * The example a document gives for a media type: `example`, then the first of `examples`, then
 * the schema's own; else a sample generated from the schema.
 */
export function exampleOf(media: Obj): unknown {
  if ('example' in media) return media['example'];
  if (isObject(media['examples'])) {
    const first = Object.values(media['examples'])[0];
    if (isObject(first) && 'value' in first) return first['value'];
  }
  const schema = isObject(media['schema']) ? (media['schema'] as JsonSchema) : {};
  return responseSample(schema);
}

/** The first 2xx response of an operation in its document, as the mock will answer it. */
export function cannedAnswer(document: OpenApiDocument, operation: OperationModel): CannedAnswer {
  const paths = isObject(document['paths']) ? document['paths'] : {};
  const pathItem = isObject(paths[operation.path]) ? paths[operation.path] : {};
  const entry = isObject(pathItem) ? pathItem[operation.method.toLowerCase()] : undefined;
  const responses = isObject(entry) && isObject(entry['responses']) ? entry['responses'] : {};
  const status = Object.keys(responses)
    .filter((code) => /^2\d\d$/.test(code))
    .sort()[0];
  if (status === undefined) return { status: 200, contentType: null, body: null };
  const response = responses[status];
  const content = isObject(response) && isObject(response['content']) ? response['content'] : {};
  const types = Object.keys(content);
  const type = types.find((key) => /json/i.test(key)) ?? types[0];
  const media = type === undefined ? undefined : content[type];
  if (type === undefined || !isObject(media))
    return { status: Number(status), contentType: null, body: null };
  if (/json/i.test(type))
    return { status: Number(status), contentType: type, body: exampleOf(media) };
  const example = media['example'];
  if (/^application\/pdf$/i.test(type) && typeof example !== 'string')
    return {
      status: Number(status),
      contentType: type,
      body: samplePdf(`Sample ${operation.summary || operation.id} from the Sinch mock`),
    };
  return {
    status: Number(status),
    contentType: type,
    body: typeof example === 'string' ? example : `Sample ${type} content from the Sinch mock.\n`,
  };
}

/**
 * Every operation of the given APIs as a mock route, except `skip`ped ones (served by
 * hand-written handlers). Routes with more literal text come first, so `{id}:rent` wins over `{id}`.
 */
export function buildRoutes(apis: readonly MockApi[], skip: ReadonlySet<string>): MockRoute[] {
  const routes: { route: MockRoute; literal: number }[] = [];
  for (const { document, operations } of apis)
    for (const operation of operations) {
      if (skip.has(operation.id)) continue;
      const base = mockBasePath(operation);
      const { pattern, names } = compilePath(base, operation.path);
      routes.push({
        route: {
          operation,
          base,
          pattern,
          parameterNames: names,
          answer: cannedAnswer(document, operation),
        },
        literal: operation.path.replace(/\{[^}]+\}/g, '').length,
      });
    }
  return routes.sort((a, b) => b.literal - a.literal).map(({ route }) => route);
}

/**
 * Why the mock has nothing at a host variable's value, or null when every value is one the
 * server's `enum` allows (a variable without an `enum` takes any text). Sinch has no host for
 * another region, so neither does the mock.
 */
export function unknownHostValue(
  operation: OperationModel,
  params: Readonly<Record<string, string>>,
): string | null {
  for (const variable of operation.servers[0]?.variables ?? []) {
    const value = params[variable.name];
    if (value === undefined || variable.enum === undefined || variable.enum.includes(value))
      continue;
    return `No ${variable.name} "${value}" here: ${variable.name} is one of ${variable.enum.join(', ')}.`;
  }
  return null;
}

/** The route a request goes to with its decoded path parameters, or the methods the path allows. */
export type RouteMatch =
  { route: MockRoute; params: Record<string, string> } | { allow: string[] } | { malformed: true };

/** Finds the route for a method and path; null when no operation has this path. */
export function matchRoute(
  routes: readonly MockRoute[],
  method: string,
  pathname: string,
): RouteMatch | null {
  const allow: string[] = [];
  for (const route of routes) {
    const match = route.pattern.exec(pathname);
    if (match === null) continue;
    if (route.operation.method !== method) {
      if (!allow.includes(route.operation.method)) allow.push(route.operation.method);
      continue;
    }
    const params: Record<string, string> = {};
    try {
      route.parameterNames.forEach((name, index) => {
        params[name] = decodeURIComponent(match[index + 1] ?? '');
      });
    } catch {
      return { malformed: true };
    }
    return { route, params };
  }
  return allow.length > 0 ? { allow } : null;
}

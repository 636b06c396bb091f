import type { OpenApiDocument } from '../openapi/load.ts';
import type { OperationModel } from '../openapi/types.ts';
import type { ApiEntry } from './registry.ts';
import { schemaTree, type SchemaNode } from './schema.ts';
import { operationPath } from './slug.ts';

type Obj = Record<string, unknown>;

/** Narrows an unknown value to a plain object. */
function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string property, or empty. */
function text(object: Obj, key: string): string {
  const value = object[key];
  return typeof value === 'string' ? value : '';
}

/** One server as the reference shows it: the URL template and its variables. */
export interface ServerView {
  url: string;
  description: string;
  variables: { name: string; defaultValue: string; values: string[]; description: string }[];
}

/** One body (request or response) in one media type. */
export interface BodyView {
  contentType: string;
  schema?: SchemaNode;
  /** The example, pretty-printed when it is JSON. */
  example?: string;
}

/** One response status with its bodies. */
export interface ResponseView {
  status: string;
  description: string;
  bodies: BodyView[];
}

/** Whether the embedded playground can send this operation, and why not when it cannot. */
export type PlaygroundSupport = { supported: true } | { supported: false; reason: string };

/** Everything a reference page (and its Markdown twin) shows about one operation. */
export interface ReferenceOperation {
  api: ApiEntry;
  model: OperationModel;
  /** Site path of the page, `/reference/<api>/<operation>/`. */
  pagePath: string;
  servers: ServerView[];
  security: string[];
  requestBody?: { required: boolean; description: string; bodies: BodyView[] };
  responses: ResponseView[];
  playground: PlaygroundSupport;
  /** Starting values for the playground: the document's parameter examples. */
  playgroundDefaults: Record<string, string>;
}

/** Media types the playground cannot compose yet: it edits bodies as text. */
const UNSUPPORTED_BODY = /^(multipart\/|application\/octet-stream)/i;

/** Whether the playground can send an operation: every body it accepts must be editable as text. */
export function playgroundSupport(model: OperationModel): PlaygroundSupport {
  const type = model.requestBody?.contentType;
  if (type !== undefined && UNSUPPORTED_BODY.test(type))
    return {
      supported: false,
      reason: `Its request body is ${type} (a file upload), which the playground cannot compose yet. Use the curl command below the schema, or the API from your own code.`,
    };
  return { supported: true };
}

/**
 * Starting values for an operation's playground, from its parameters' examples, so the snippet a
 * reference page shows before any input is complete and runnable against the mock. The project
 * ID is left out: it comes from the reader's credentials.
 */
export function playgroundDefaults(model: OperationModel): Record<string, string> {
  return Object.fromEntries(
    model.parameters
      .filter((parameter) => parameter.name !== 'projectId' && parameter.example !== undefined)
      .map((parameter) => [parameter.name, parameter.example ?? '']),
  );
}

/** An example as display text: strings as they are, anything else as indented JSON. */
function exampleText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

/** The example of a media type object: `example`, else the first of `examples`, else the schema's. */
function mediaExample(media: Obj): string | undefined {
  if (media['example'] !== undefined) return exampleText(media['example']);
  if (isObject(media['examples'])) {
    const first = Object.values(media['examples'])[0];
    if (isObject(first) && first['value'] !== undefined) return exampleText(first['value']);
  }
  const schema = media['schema'];
  if (isObject(schema) && schema['example'] !== undefined) return exampleText(schema['example']);
  return undefined;
}

/** Every media type of a `content` map, as bodies to show. */
function readBodies(content: unknown): BodyView[] {
  if (!isObject(content)) return [];
  return Object.entries(content).map(([contentType, media]) => {
    const body: BodyView = { contentType };
    if (!isObject(media)) return body;
    if (isObject(media['schema'])) body.schema = schemaTree(media['schema']);
    const example = mediaExample(media);
    if (example !== undefined) body.example = example;
    return body;
  });
}

/** Servers with their variables, from the operation, its path item or the document. */
function readServers(document: Obj, pathItem: Obj, operation: Obj): ServerView[] {
  const list = [operation['servers'], pathItem['servers'], document['servers']].find(
    (candidate) => Array.isArray(candidate) && candidate.length > 0,
  );
  if (!Array.isArray(list)) return [];
  return list.filter(isObject).map((server) => ({
    url: text(server, 'url'),
    description: text(server, 'description'),
    variables: Object.entries(isObject(server['variables']) ? server['variables'] : {})
      .filter((entry): entry is [string, Obj] => isObject(entry[1]))
      .map(([name, variable]) => ({
        name,
        defaultValue: typeof variable['default'] === 'string' ? variable['default'] : '',
        values: Array.isArray(variable['enum']) ? variable['enum'].map(String) : [],
        description: text(variable, 'description'),
      })),
  }));
}

/** Human labels of the security schemes an operation accepts. */
function securityLabels(model: OperationModel): string[] {
  return model.security.map((scheme) =>
    scheme === 'basic'
      ? 'HTTP Basic: key ID and key secret (testing only, heavily rate limited)'
      : `OAuth2 client credentials: a Bearer token from ${model.tokenUrl ?? 'the token endpoint'}`,
  );
}

/** Orders response statuses: numeric codes ascending, ranges (`4XX`) after them, `default` last. */
function statusOrder(status: string): number {
  if (/^\d{3}$/.test(status)) return Number(status);
  if (/^\dXX$/i.test(status)) return Number(status[0]) * 100 + 99.5;
  return 1000;
}

/**
 * Collects what the reference shows about an operation from its model and the dereferenced
 * document: bodies in every media type, responses by status, servers, security.
 */
export function toReferenceOperation(
  api: ApiEntry,
  document: OpenApiDocument,
  model: OperationModel,
): ReferenceOperation {
  const paths = isObject(document['paths']) ? document['paths'] : {};
  const pathItem = paths[model.path];
  const operation = isObject(pathItem) ? pathItem[model.method.toLowerCase()] : undefined;
  if (!isObject(pathItem) || !isObject(operation))
    throw new Error(
      `${api.slug}: operation "${model.id}" is not at ${model.method} ${model.path}.`,
    );
  const responses = isObject(operation['responses']) ? operation['responses'] : {};
  const result: ReferenceOperation = {
    api,
    model,
    pagePath: operationPath(api.slug, model.id),
    servers: readServers(document, pathItem, operation),
    security: securityLabels(model),
    responses: Object.entries(responses)
      .filter((entry): entry is [string, Obj] => isObject(entry[1]))
      .sort(([a], [b]) => statusOrder(a) - statusOrder(b))
      .map(([status, response]) => ({
        status,
        description: text(response, 'description'),
        bodies: readBodies(response['content']),
      })),
    playground: playgroundSupport(model),
    playgroundDefaults: playgroundDefaults(model),
  };
  const requestBody = operation['requestBody'];
  if (isObject(requestBody))
    result.requestBody = {
      required: requestBody['required'] === true,
      description: text(requestBody, 'description'),
      bodies: readBodies(requestBody['content']),
    };
  return result;
}

import type { JsonSchema, OperationModel, ParameterModel, ServerModel } from './types.ts';

type Obj = Record<string, unknown>;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Narrows an unknown value to a plain object. */
function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a string property, or a fallback. */
function text(object: Obj, key: string, fallback = ''): string {
  const value = object[key];
  return typeof value === 'string' ? value : fallback;
}

/** Server list of one level, with scheme-relative URLs made HTTPS and variables filled. */
function readServers(value: unknown): ServerModel[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).map((server) => {
    let url = text(server, 'url');
    const variables = isObject(server['variables']) ? server['variables'] : {};
    url = url.replace(/\{([^}]+)\}/g, (match, name: string) => {
      const variable = variables[name];
      return isObject(variable) ? text(variable, 'default', match) : match;
    });
    if (url.startsWith('//')) url = `https:${url}`;
    return { url: url.replace(/\/+$/, ''), description: text(server, 'description') };
  });
}

/** An example value as a placeholder string. */
function exampleOf(parameter: Obj, schema: JsonSchema): string | undefined {
  const example = parameter['example'] ?? schema.example;
  if (example === undefined || example === null) return undefined;
  if (Array.isArray(example)) return example.map(String).join(', ');
  return typeof example === 'string' ? example : JSON.stringify(example);
}

/** Path-level parameters overridden by operation-level ones with the same name and location. */
function readParameters(pathItem: Obj, operation: Obj): ParameterModel[] {
  const merged = new Map<string, Obj>();
  for (const list of [pathItem['parameters'], operation['parameters']]) {
    if (!Array.isArray(list)) continue;
    for (const parameter of list.filter(isObject)) {
      merged.set(`${text(parameter, 'in')}:${text(parameter, 'name')}`, parameter);
    }
  }
  const models: ParameterModel[] = [];
  for (const parameter of merged.values()) {
    const location = text(parameter, 'in');
    if (location !== 'path' && location !== 'query' && location !== 'header') continue;
    const schema = (isObject(parameter['schema']) ? parameter['schema'] : {}) as JsonSchema;
    const model: ParameterModel = {
      name: text(parameter, 'name'),
      in: location,
      required: location === 'path' || parameter['required'] === true,
      description: text(parameter, 'description'),
      schema,
      deprecated: parameter['deprecated'] === true,
    };
    const example = exampleOf(parameter, schema);
    if (example !== undefined) model.example = example;
    if (typeof parameter['style'] === 'string') model.style = parameter['style'];
    if (typeof parameter['explode'] === 'boolean') model.explode = parameter['explode'];
    models.push(model);
  }
  return models;
}

/** The JSON media type entry of a content map (or, with `anyType`, the first entry), if any. */
function jsonContent(content: unknown, anyType = false): { type: string; media: Obj } | undefined {
  if (!isObject(content)) return undefined;
  const types = Object.keys(content);
  const type = types.find((key) => /json/i.test(key)) ?? (anyType ? types[0] : undefined);
  const media = type === undefined ? undefined : content[type];
  return type !== undefined && isObject(media) ? { type, media } : undefined;
}

/** Security schemes an operation accepts, reduced to Basic and OAuth2, plus the token URL. */
function readSecurity(
  document: Obj,
  operation: Obj,
): { security: ('basic' | 'oauth2')[]; tokenUrl?: string } {
  const components = isObject(document['components']) ? document['components'] : {};
  const schemes = isObject(components['securitySchemes']) ? components['securitySchemes'] : {};
  const requirements = operation['security'] ?? document['security'];
  const names = Array.isArray(requirements)
    ? requirements.filter(isObject).flatMap((requirement) => Object.keys(requirement))
    : Object.keys(schemes);
  const security = new Set<'basic' | 'oauth2'>();
  let tokenUrl: string | undefined;
  for (const name of names) {
    const scheme = schemes[name];
    if (!isObject(scheme)) continue;
    if (scheme['type'] === 'http' && text(scheme, 'scheme').toLowerCase() === 'basic')
      security.add('basic');
    if (scheme['type'] === 'oauth2') {
      security.add('oauth2');
      const flows = isObject(scheme['flows']) ? scheme['flows'] : {};
      for (const flow of [flows['clientCredentials'], flows['password']]) {
        if (isObject(flow) && tokenUrl === undefined && text(flow, 'tokenUrl'))
          tokenUrl = text(flow, 'tokenUrl');
      }
    }
  }
  return tokenUrl === undefined
    ? { security: [...security] }
    : { security: [...security], tokenUrl };
}

/** A stable id for operations without `operationId`: method plus path, in camel case. */
function synthesiseId(method: string, path: string): string {
  const words = path.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return [method, ...words.map((word) => word[0]?.toUpperCase() + word.slice(1))].join('');
}

/**
 * Turns a dereferenced OpenAPI 3 document into the operation models the playground and the
 * snippet engine work from. Pure: no I/O, safe for circular schemas (nothing is walked deeply).
 */
export function toOperationModels(document: Obj): OperationModel[] {
  const models: OperationModel[] = [];
  const paths = isObject(document['paths']) ? document['paths'] : {};
  const documentServers = readServers(document['servers']);
  for (const [path, pathItem] of Object.entries(paths)) {
    if (!isObject(pathItem)) continue;
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      const servers = [
        readServers(operation['servers']),
        readServers(pathItem['servers']),
        documentServers,
      ].find((list) => list.length > 0) ?? [{ url: '', description: '' }];
      const model: OperationModel = {
        id: text(operation, 'operationId') || synthesiseId(method, path),
        method: method.toUpperCase() as OperationModel['method'],
        path,
        summary: text(operation, 'summary'),
        description: text(operation, 'description'),
        tags: Array.isArray(operation['tags']) ? operation['tags'].map(String) : [],
        deprecated: operation['deprecated'] === true,
        servers,
        parameters: readParameters(pathItem, operation),
        ...readSecurity(document, operation),
        ...(text(operation, 'x-sinch-cost') ? { costNote: text(operation, 'x-sinch-cost') } : {}),
        ...(text(operation, 'x-sinch-deletes')
          ? { deleteNote: text(operation, 'x-sinch-deletes') }
          : {}),
      };
      const body = isObject(operation['requestBody']) ? operation['requestBody'] : undefined;
      const bodyContent = body ? jsonContent(body['content'], true) : undefined;
      if (body && bodyContent) {
        model.requestBody = {
          contentType: bodyContent.type,
          required: body['required'] === true,
          schema: isObject(bodyContent.media['schema']) ? bodyContent.media['schema'] : {},
          ...('example' in bodyContent.media ? { example: bodyContent.media['example'] } : {}),
        };
      }
      const responses = isObject(operation['responses']) ? operation['responses'] : {};
      const success = Object.keys(responses)
        .sort()
        .find((status) => /^2\d\d$/.test(status));
      const response = success === undefined ? undefined : responses[success];
      const responseContent = isObject(response) ? jsonContent(response['content']) : undefined;
      if (responseContent && isObject(responseContent.media['schema']))
        model.responseSchema = responseContent.media['schema'];
      models.push(model);
    }
  }
  return models;
}

import { examplesOf } from './examples.ts';
import { fillServerTemplate } from './server-template.ts';
import type {
  BodyKind,
  JsonSchema,
  MediaTypeModel,
  OperationModel,
  ParameterModel,
  SecuritySchemeModel,
  ServerModel,
  ServerVariableModel,
} from './types.ts';

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

/** The variables a server URL template uses, in template order, from its `variables` map. */
function readVariables(template: string, declared: Obj): ServerVariableModel[] {
  const names = [...template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? '');
  return [...new Set(names)].map((name) => {
    const variable = isObject(declared[name]) ? declared[name] : {};
    const values = Array.isArray(variable['enum']) ? variable['enum'].map(String) : undefined;
    const model: ServerVariableModel = {
      name,
      default: text(variable, 'default', values?.[0] ?? ''),
      description: text(variable, 'description'),
    };
    if (values) model.enum = values;
    return model;
  });
}

/** Server list of one level, with scheme-relative URLs made HTTPS and variables filled. */
function readServers(value: unknown): ServerModel[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).map((server) => {
    let template = text(server, 'url');
    if (template.startsWith('//')) template = `https:${template}`;
    template = template.replace(/\/+$/, '');
    const variables = readVariables(
      template,
      isObject(server['variables']) ? server['variables'] : {},
    );
    const model: ServerModel = {
      url: fillServerTemplate(template, variables, {}),
      description: text(server, 'description'),
    };
    if (variables.length > 0) {
      model.template = template;
      model.variables = variables;
    }
    return model;
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
    if (
      location !== 'path' &&
      location !== 'query' &&
      location !== 'header' &&
      location !== 'cookie'
    )
      continue;
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
    if (parameter['allowReserved'] === true) model.allowReserved = true;
    models.push(model);
  }
  return models;
}

/** How a body of a media type is sent, from its name. */
export function bodyKindOf(contentType: string): BodyKind {
  const type = contentType.toLowerCase();
  if (/[/+]json\b/.test(type)) return 'json';
  if (type.startsWith('application/x-www-form-urlencoded')) return 'form';
  if (type.startsWith('multipart/')) return 'multipart';
  if (type.startsWith('text/') || /[/+]xml\b/.test(type)) return 'text';
  return 'binary';
}

/** True for a schema whose value is a file's bytes (binary, base64 or a declared content type). */
function isFileSchema(schema: JsonSchema | undefined): boolean {
  if (!schema) return false;
  return (
    schema.format === 'binary' ||
    schema.format === 'base64' ||
    schema.contentMediaType !== undefined ||
    schema.contentEncoding !== undefined
  );
}

/**
 * An object schema with its `allOf` parts folded in (properties and required lists, nested
 * `allOf` too, to a bounded depth), so the fields of a form body can be listed.
 */
export function foldAllOf(schema: JsonSchema, depth = 8): JsonSchema {
  if (!schema.allOf || depth === 0) return schema;
  const parts = [...schema.allOf.map((part) => foldAllOf(part, depth - 1)), schema];
  const folded: JsonSchema = {
    ...schema,
    type: 'object',
    properties: Object.fromEntries(parts.flatMap((part) => Object.entries(part.properties ?? {}))),
    required: [...new Set(parts.flatMap((part) => part.required ?? []))],
  };
  delete folded.allOf;
  return folded;
}

/** One media type of a request body, with its examples, file fields and part media types. */
function readMediaType(contentType: string, media: Obj): MediaTypeModel {
  const kind = bodyKindOf(contentType);
  const declared = (isObject(media['schema']) ? media['schema'] : {}) as JsonSchema;
  const schema = kind === 'multipart' || kind === 'form' ? foldAllOf(declared) : declared;
  const encoding = isObject(media['encoding']) ? media['encoding'] : {};
  const partTypes: Record<string, string> = {};
  for (const [name, entry] of Object.entries(encoding))
    if (isObject(entry) && text(entry, 'contentType')) partTypes[name] = text(entry, 'contentType');
  const fileFields =
    kind === 'multipart'
      ? Object.entries(schema.properties ?? {})
          .filter(([, property]) => isFileSchema(property) || isFileSchema(property.items))
          .map(([name, property]) => ({
            name,
            contentType:
              partTypes[name]?.split(',')[0]?.trim() ??
              property.contentMediaType ??
              property.items?.contentMediaType ??
              'application/octet-stream',
          }))
      : [];
  const files = new Set(fileFields.map((field) => field.name));
  const examples = examplesOf(media, schema).map((example) =>
    files.size > 0 && isObject(example.value)
      ? {
          ...example,
          value: Object.fromEntries(
            Object.entries(example.value).filter(([name]) => !files.has(name)),
          ),
        }
      : example,
  );
  return { contentType, kind, schema, examples, fileFields, partTypes };
}

/** Every media type of a content map, in document order. */
function readContents(content: unknown): MediaTypeModel[] {
  if (!isObject(content)) return [];
  return Object.entries(content).flatMap(([type, media]) =>
    isObject(media) ? [readMediaType(type, media)] : [],
  );
}

/** The security scheme models an operation accepts, in requirement order; none when it has none. */
function readSecuritySchemes(document: Obj, operation: Obj): SecuritySchemeModel[] {
  const components = isObject(document['components']) ? document['components'] : {};
  const schemes = isObject(components['securitySchemes']) ? components['securitySchemes'] : {};
  const requirements = operation['security'] ?? document['security'];
  const names = Array.isArray(requirements)
    ? requirements.filter(isObject).flatMap((requirement) => Object.keys(requirement))
    : [];
  const models: SecuritySchemeModel[] = [];
  for (const name of new Set(names)) {
    const scheme = schemes[name];
    if (!isObject(scheme)) continue;
    const httpScheme = text(scheme, 'scheme').toLowerCase();
    if (scheme['type'] === 'http' && httpScheme === 'basic') models.push({ name, type: 'basic' });
    else if (scheme['type'] === 'http' && httpScheme === 'bearer')
      models.push({ name, type: 'bearer' });
    else if (scheme['type'] === 'oauth2') {
      const flows = isObject(scheme['flows']) ? scheme['flows'] : {};
      const flow = [flows['clientCredentials'], flows['password']].find(
        (candidate) => isObject(candidate) && text(candidate, 'tokenUrl') !== '',
      );
      const tokenUrl = isObject(flow) ? text(flow, 'tokenUrl') : '';
      if (tokenUrl) models.push({ name, type: 'oauth2', tokenUrl });
    } else if (scheme['type'] === 'apiKey') {
      const where = text(scheme, 'in');
      if (where === 'header' || where === 'query' || where === 'cookie')
        models.push({ name, type: 'apiKey', in: where, parameterName: text(scheme, 'name') });
    }
  }
  return models;
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
        security: [],
        securitySchemes: readSecuritySchemes(document, operation),
        ...(text(operation, 'x-sinch-cost') ? { costNote: text(operation, 'x-sinch-cost') } : {}),
        ...(text(operation, 'x-sinch-deletes')
          ? { deleteNote: text(operation, 'x-sinch-deletes') }
          : {}),
      };
      const schemes = model.securitySchemes ?? [];
      model.security = [
        ...new Set(
          schemes.flatMap((scheme) =>
            scheme.type === 'basic' || scheme.type === 'oauth2' ? [scheme.type] : [],
          ),
        ),
      ];
      const oauth2 = schemes.find((scheme) => scheme.type === 'oauth2');
      if (oauth2) model.tokenUrl = oauth2.tokenUrl;
      const body = isObject(operation['requestBody']) ? operation['requestBody'] : undefined;
      const contents = body ? readContents(body['content']) : [];
      const preferred = contents.find((media) => media.kind === 'json') ?? contents[0];
      if (body && preferred) {
        const first = preferred.examples[0];
        model.requestBody = {
          contentType: preferred.contentType,
          required: body['required'] === true,
          schema: preferred.schema,
          ...(first ? { example: first.value } : {}),
          contents,
        };
      }
      const responses = isObject(operation['responses']) ? operation['responses'] : {};
      const success = Object.keys(responses)
        .sort()
        .find((status) => /^2\d\d$/.test(status));
      const response = success === undefined ? undefined : responses[success];
      const responseContent =
        isObject(response) && isObject(response['content']) ? response['content'] : {};
      const responseTypes = Object.keys(responseContent);
      if (responseTypes.length > 0) model.responseTypes = responseTypes;
      const jsonType = responseTypes.find((type) => bodyKindOf(type) === 'json');
      const jsonMedia = jsonType === undefined ? undefined : responseContent[jsonType];
      if (isObject(jsonMedia) && isObject(jsonMedia['schema']))
        model.responseSchema = jsonMedia['schema'];
      models.push(model);
    }
  }
  return models;
}

/** JSON Schema type names; OpenAPI 3.1 adds `null` and allows a list of them. */
export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'null';

/** A JSON Schema as found in an OpenAPI 3.0 or 3.1 document, after `$ref`s are resolved. */
export interface JsonSchema {
  type?: JsonType | readonly JsonType[];
  format?: string;
  enum?: readonly unknown[];
  const?: unknown;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  additionalProperties?: boolean | JsonSchema;
  allOf?: readonly JsonSchema[];
  oneOf?: readonly JsonSchema[];
  anyOf?: readonly JsonSchema[];
  discriminator?: { propertyName: string; mapping?: Record<string, string> };
  description?: string;
  title?: string;
  example?: unknown;
  examples?: unknown;
  default?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  /** A number in 3.1, a flag on `minimum` in 3.0. */
  exclusiveMinimum?: number | boolean;
  /** A number in 3.1, a flag on `maximum` in 3.0. */
  exclusiveMaximum?: number | boolean;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  readOnly?: boolean;
  writeOnly?: boolean;
  deprecated?: boolean;
  contentMediaType?: string;
  contentEncoding?: string;
}

/** Where a parameter travels. */
export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

/** One operation parameter, as the form, the request builder and the snippets need it. */
export interface ParameterModel {
  name: string;
  in: ParameterLocation;
  required: boolean;
  description: string;
  schema: JsonSchema;
  /** An example value, shown as a placeholder. */
  example?: string;
  deprecated: boolean;
  /** OpenAPI `style` and `explode`; defaults follow the spec (`simple` for path, `form`+explode for query). */
  style?: string;
  explode?: boolean;
  /** Query only: reserved characters (`:/?#[]@!$&'()*+,;=`) are sent as they are. */
  allowReserved?: boolean;
}

/** One variable of a server URL template (`{region}`): a choice from `enum`, or free text. */
export interface ServerVariableModel {
  name: string;
  default: string;
  /** Allowed values; absent when the document allows any text. */
  enum?: readonly string[];
  description: string;
}

/** One server an operation can be sent to. */
export interface ServerModel {
  /** The URL with every variable at its default, scheme-relative URLs made HTTPS. */
  url: string;
  description: string;
  /** The URL template (`https://{region}.example.com`), present when the server has variables. */
  template?: string;
  /** The template's variables in document order, present when the server has any. */
  variables?: readonly ServerVariableModel[];
}

/** One named example of a request body. */
export interface NamedExample {
  /** The key under `examples`, `example` for a single example, `generated` for one made from the schema. */
  name: string;
  summary: string;
  value: unknown;
}

/** How a request body of one media type is sent. */
export type BodyKind = 'json' | 'form' | 'multipart' | 'binary' | 'text';

/** One media type an operation accepts as its request body. */
export interface MediaTypeModel {
  contentType: string;
  kind: BodyKind;
  schema: JsonSchema;
  /** Named examples in document order; never empty (one is generated from the schema when none is given). */
  examples: readonly NamedExample[];
  /** Multipart only: properties sent as file parts (binary or base64 strings), with their part media type. */
  fileFields: readonly { name: string; contentType: string }[];
  /** Multipart only: per-part media types declared under `encoding`. */
  partTypes: Readonly<Record<string, string>>;
}

/** A security scheme an operation accepts, in the shape the playground and snippets offer it. */
export type SecuritySchemeModel =
  | { name: string; type: 'basic' }
  | { name: string; type: 'oauth2'; tokenUrl: string }
  | { name: string; type: 'bearer' }
  | { name: string; type: 'apiKey'; in: 'header' | 'query' | 'cookie'; parameterName: string };

/** Everything the playground and the snippet engine need about one OpenAPI operation. */
export interface OperationModel {
  /** `operationId`, unique across our documents. */
  id: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path template, e.g. `/v1/projects/{projectId}/availableNumbers/{phoneNumber}:rent`. */
  path: string;
  summary: string;
  description: string;
  tags: readonly string[];
  deprecated: boolean;
  /** Servers in document order, the operation's own first, then the path's, then the document's. */
  servers: readonly ServerModel[];
  parameters: readonly ParameterModel[];
  requestBody?: {
    /** The preferred media type (JSON when offered, else the first). */
    contentType: string;
    required: boolean;
    schema: JsonSchema;
    example?: unknown;
    /** Every media type the operation accepts, in document order. */
    contents?: readonly MediaTypeModel[];
  };
  /** Schema of the JSON body of the first 2xx response, when there is one. */
  responseSchema?: JsonSchema;
  /** Media types of the first 2xx response, in document order (the `Accept` header). */
  responseTypes?: readonly string[];
  /** Security schemes the operation accepts, reduced to what the playground offers. */
  security: readonly ('basic' | 'oauth2')[];
  /** Every supported security scheme the operation accepts, in document order; empty when none. */
  securitySchemes?: readonly SecuritySchemeModel[];
  /** OAuth2 client-credentials token URL, when the document declares one. */
  tokenUrl?: string;
  /** Why sending it to Sinch may cost money (`x-sinch-cost`), asked about before a real send. */
  costNote?: string;
  /** What it removes for good when it is not a DELETE (`x-sinch-deletes`), asked about likewise. */
  deleteNote?: string;
}

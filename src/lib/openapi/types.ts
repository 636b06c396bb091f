/** A JSON Schema as found in an OpenAPI 3.0 document, after `$ref`s are resolved. */
export interface JsonSchema {
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';
  format?: string;
  enum?: readonly (string | number | boolean)[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  additionalProperties?: boolean | JsonSchema;
  allOf?: readonly JsonSchema[];
  oneOf?: readonly JsonSchema[];
  anyOf?: readonly JsonSchema[];
  description?: string;
  title?: string;
  example?: unknown;
  default?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  readOnly?: boolean;
  deprecated?: boolean;
}

/** One operation parameter, as the form, the request builder and the snippets need it. */
export interface ParameterModel {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  description: string;
  schema: JsonSchema;
  /** An example value, shown as a placeholder. */
  example?: string;
  deprecated: boolean;
  /** OpenAPI `style` and `explode`; defaults follow the spec (`simple` for path, `form`+explode for query). */
  style?: string;
  explode?: boolean;
}

/** One server an operation can be sent to. */
export interface ServerModel {
  url: string;
  description: string;
}

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
  servers: readonly ServerModel[];
  parameters: readonly ParameterModel[];
  requestBody?: {
    contentType: string;
    required: boolean;
    schema: JsonSchema;
    example?: unknown;
  };
  /** Schema of the JSON body of the first 2xx response, when there is one. */
  responseSchema?: JsonSchema;
  /** Security schemes the operation accepts, reduced to what the playground offers. */
  security: readonly ('basic' | 'oauth2')[];
  /** OAuth2 client-credentials token URL, when the document declares one. */
  tokenUrl?: string;
  /** Why sending it to Sinch may cost money (`x-sinch-cost`), asked about before a real send. */
  costNote?: string;
  /** What it removes for good when it is not a DELETE (`x-sinch-deletes`), asked about likewise. */
  deleteNote?: string;
}

/**
 * A large synthetic OpenAPI document for the scale benchmark: `tags` × resources × five methods
 * of operations, with nested and recursive schemas and every parameter style OpenAPI 3.0 has.
 * It is never part of the normal site; `npm run bench` registers it with SCALE_BENCH=1.
 * Paths per resource use the path styles cycled to them, so each operation has a few parameters.
 */

/** How big a document to make. */
export interface ScaleOptions {
  /** Operations in total; a multiple of five times `tags` keeps every group the same size. */
  operations: number;
  tags: number;
}

/** The size the benchmark uses: 1,000 operations in 50 tags. */
export const BENCH_SCALE: ScaleOptions = { operations: 1000, tags: 50 };

/** Slug and file name the benchmark registers the document under. */
export const SCALE_API = {
  slug: 'scale-test',
  title: 'Scale test API',
  sidebarLabel: 'Scale test API',
  description: 'A generated document of 1,000 operations, built only by the benchmark.',
  document: 'scale-test.yaml',
} as const;

/** The benchmark asked for the generated document (SCALE_BENCH=1 at build time). */
export function scaleBenchEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return env['SCALE_BENCH'] === '1';
}

/** The generated document as text the registry's loader reads (JSON is YAML). */
export function scaleDocumentText(): string {
  return JSON.stringify(scaleDocument());
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** One parameter per style and location, cycled through so every operation has a few. */
const PARAMETER_STYLES = [
  {
    in: 'query',
    style: 'form',
    explode: true,
    schema: { type: 'array', items: { type: 'string' } },
  },
  {
    in: 'query',
    style: 'form',
    explode: false,
    schema: { type: 'array', items: { type: 'integer' } },
  },
  {
    in: 'query',
    style: 'spaceDelimited',
    explode: false,
    schema: { type: 'array', items: { type: 'string' } },
  },
  {
    in: 'query',
    style: 'pipeDelimited',
    explode: false,
    schema: { type: 'array', items: { type: 'string' } },
  },
  {
    in: 'query',
    style: 'deepObject',
    explode: true,
    schema: { type: 'object', properties: { from: { type: 'string' }, to: { type: 'string' } } },
  },
  {
    in: 'header',
    style: 'simple',
    explode: false,
    schema: { type: 'string', enum: ['a', 'b', 'c'] },
  },
  { in: 'path', style: 'label', explode: false, schema: { type: 'string' } },
  { in: 'path', style: 'matrix', explode: true, schema: { type: 'string' } },
  {
    in: 'path',
    style: 'simple',
    explode: false,
    schema: { type: 'string', pattern: '^[a-z0-9-]+$' },
  },
] as const;

/** Shared schemas: a recursive tree, a mutually recursive pair, and nested alternatives. */
const SCHEMAS = {
  TreeNode: {
    type: 'object',
    required: ['id'],
    description: 'A node of a tree; its children are nodes too.',
    properties: {
      id: { type: 'string', example: 'node-1' },
      children: { type: 'array', items: { $ref: '#/components/schemas/TreeNode' } },
    },
  },
  Folder: {
    type: 'object',
    properties: {
      name: { type: 'string' },
      files: { type: 'array', items: { $ref: '#/components/schemas/File' } },
    },
  },
  File: {
    type: 'object',
    properties: {
      name: { type: 'string' },
      folder: { $ref: '#/components/schemas/Folder' },
    },
  },
  Address: {
    type: 'object',
    required: ['country'],
    properties: {
      street: { type: 'string' },
      city: { type: 'string' },
      country: { type: 'string', enum: ['US', 'GB', 'SE', 'DE', 'BR'] },
      geo: {
        type: 'object',
        properties: { lat: { type: 'number' }, lng: { type: 'number' } },
      },
    },
  },
  Contact: {
    oneOf: [
      { type: 'object', properties: { email: { type: 'string', format: 'email' } } },
      { type: 'object', properties: { phone: { type: 'string', example: '+12025550134' } } },
    ],
  },
  Resource: {
    allOf: [
      {
        type: 'object',
        required: ['name'],
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 64, example: 'example' },
          status: { type: 'string', enum: ['ACTIVE', 'PAUSED', 'DELETED'] },
          address: { $ref: '#/components/schemas/Address' },
          contact: { $ref: '#/components/schemas/Contact' },
        },
      },
      {
        type: 'object',
        properties: {
          tree: { $ref: '#/components/schemas/TreeNode' },
          folder: { $ref: '#/components/schemas/Folder' },
          labels: { type: 'object', additionalProperties: { type: 'string' } },
        },
      },
    ],
  },
} as const;

/** Name of the parameter of style `index` (unique per operation). */
function parameterName(index: number): string {
  const { in: location, style, explode } = PARAMETER_STYLES[index]!;
  return `${location}-${style}-${explode ? 'explode' : 'flat'}`.replaceAll('-', '_');
}

/** Generates the document; deterministic, so two runs build the same site. */
export function scaleDocument(options: ScaleOptions = BENCH_SCALE): Record<string, unknown> {
  if (!Number.isInteger(options.tags) || options.tags < 1)
    throw new Error(`scaleDocument: tags must be a positive integer, got ${options.tags}.`);
  if (!Number.isInteger(options.operations) || options.operations % (METHODS.length * options.tags))
    throw new Error(
      `scaleDocument: operations must be a multiple of ${METHODS.length} × tags, got ${options.operations}.`,
    );
  const resourcesPerTag = options.operations / METHODS.length / options.tags;
  const paths: Record<string, unknown> = {};
  let counter = 0;
  for (let tag = 1; tag <= options.tags; tag++) {
    for (let resource = 1; resource <= resourcesPerTag; resource++) {
      const styles = [0, 1, 2, 3, 4, 5, 6, 7, 8].filter((index) => (index + counter) % 3 === 0);
      const pathParameters = styles.filter((index) => PARAMETER_STYLES[index]!.in === 'path');
      const path =
        `/v1/projects/{projectId}/group-${tag}/resource-${resource}` +
        pathParameters.map((index) => `/{${parameterName(index)}}`).join('');
      const item: Record<string, unknown> = {};
      for (const method of METHODS) {
        counter += 1;
        const name = `Group${tag}Resource${resource}`;
        const parameters = [
          { $ref: '#/components/parameters/projectId' },
          ...styles.map((index) => {
            const style = PARAMETER_STYLES[index]!;
            return {
              name: parameterName(index),
              in: style.in,
              required: style.in === 'path',
              description: `A ${style.style} ${style.in} parameter.`,
              style: style.style,
              explode: style.explode,
              schema: style.schema,
            };
          }),
        ];
        const writes = method !== 'get' && method !== 'delete';
        item[method] = {
          operationId: `${method}${name}`,
          summary: `${method.toUpperCase()} resource ${resource} of group ${tag}`,
          description: `Operation ${counter} of the scale test. Works on **resource ${resource}**; see [the group](#group-${tag}).`,
          tags: [`Group ${tag}`],
          parameters,
          ...(writes
            ? {
                requestBody: {
                  required: true,
                  content: {
                    'application/json': {
                      schema: { $ref: '#/components/schemas/Resource' },
                      example: { name: 'example', status: 'ACTIVE', address: { country: 'SE' } },
                    },
                  },
                },
              }
            : {}),
          responses: {
            [method === 'delete' ? '204' : '200']:
              method === 'delete'
                ? { description: 'Deleted.' }
                : {
                    description: 'The resource.',
                    content: {
                      'application/json': { schema: { $ref: '#/components/schemas/Resource' } },
                    },
                  },
            default: { $ref: '#/components/responses/Error' },
          },
        };
      }
      paths[path] = item;
    }
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Scale test API',
      version: '1.0.0',
      description: 'Generated for the benchmark.',
    },
    servers: [{ url: 'https://scale-test.api.sinch.com', description: 'Generated' }],
    security: [{ Basic: [] }, { OAuth2: [] }],
    tags: Array.from({ length: options.tags }, (_, index) => ({
      name: `Group ${index + 1}`,
      description: `Generated group ${index + 1}.`,
    })),
    paths,
    components: {
      securitySchemes: {
        Basic: { type: 'http', scheme: 'basic' },
        OAuth2: {
          type: 'oauth2',
          flows: {
            clientCredentials: { tokenUrl: 'https://auth.sinch.com/oauth2/token', scopes: {} },
          },
        },
      },
      parameters: {
        projectId: {
          name: 'projectId',
          in: 'path',
          required: true,
          description: 'Your project ID.',
          schema: { type: 'string' },
        },
      },
      responses: {
        Error: {
          description: 'An error.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  error: {
                    type: 'object',
                    properties: { code: { type: 'integer' }, message: { type: 'string' } },
                  },
                },
              },
            },
          },
        },
      },
      schemas: SCHEMAS,
    },
  };
}

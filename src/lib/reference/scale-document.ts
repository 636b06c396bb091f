/** Size of a generated test document. */
export interface ScaleOptions {
  operations: number;
  tags: number;
}

type Obj = Record<string, unknown>;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** One parameter per OpenAPI style and location, so a renderer meets every serialisation rule. */
const STYLED_PARAMETERS: Obj[] = [
  {
    name: 'label',
    in: 'path',
    required: true,
    style: 'label',
    schema: { type: 'string' },
    example: 'a',
  },
  {
    name: 'matrix',
    in: 'path',
    required: true,
    style: 'matrix',
    explode: true,
    schema: { type: 'array', items: { type: 'string' } },
    example: ['x', 'y'],
  },
  {
    name: 'form',
    in: 'query',
    style: 'form',
    explode: true,
    schema: { type: 'array', items: { type: 'string', enum: ['A', 'B', 'C'] } },
  },
  {
    name: 'formCsv',
    in: 'query',
    style: 'form',
    explode: false,
    schema: { type: 'array', items: { type: 'integer' } },
  },
  {
    name: 'spaced',
    in: 'query',
    style: 'spaceDelimited',
    schema: { type: 'array', items: { type: 'string' } },
  },
  {
    name: 'piped',
    in: 'query',
    style: 'pipeDelimited',
    schema: { type: 'array', items: { type: 'string' } },
  },
  {
    name: 'filter',
    in: 'query',
    style: 'deepObject',
    explode: true,
    schema: {
      type: 'object',
      properties: { status: { type: 'string' }, since: { type: 'string', format: 'date-time' } },
    },
  },
  {
    name: 'X-Trace',
    in: 'header',
    style: 'simple',
    schema: { type: 'string' },
    example: 'trace-1',
  },
  { name: 'session', in: 'cookie', style: 'form', schema: { type: 'string' } },
];

/** Shared schemas: nested five levels deep, a recursive tree, and a oneOf/allOf mix. */
function componentSchemas(): Obj {
  const nested: Obj = { type: 'string', description: 'The deepest level.' };
  let level: Obj = nested;
  for (let depth = 5; depth >= 1; depth -= 1)
    level = {
      type: 'object',
      description: `Level ${depth}.`,
      properties: { name: { type: 'string' }, next: level },
    };
  return {
    Nested: level,
    TreeNode: {
      type: 'object',
      description: 'A node that contains nodes (recursive).',
      required: ['id'],
      properties: {
        id: { type: 'string' },
        parent: { $ref: '#/components/schemas/TreeNode' },
        children: { type: 'array', items: { $ref: '#/components/schemas/TreeNode' } },
      },
    },
    Payload: {
      allOf: [
        {
          type: 'object',
          required: ['kind'],
          properties: {
            kind: { type: 'string', enum: ['text', 'media'] },
            nested: { $ref: '#/components/schemas/Nested' },
          },
        },
        {
          oneOf: [
            {
              title: 'Text',
              type: 'object',
              properties: { text: { type: 'string', maxLength: 1000 } },
            },
            {
              title: 'Media',
              type: 'object',
              properties: {
                url: { type: 'string', format: 'uri' },
                tree: { $ref: '#/components/schemas/TreeNode' },
              },
            },
          ],
        },
      ],
    },
  };
}

/**
 * A synthetic OpenAPI 3.0 document for scale tests: `operations` operations spread evenly over
 * `tags` tags, five methods per path, every parameter style, nested and recursive schemas.
 * Deterministic: the same options give the same document.
 */
export function scaleDocument({ operations, tags }: ScaleOptions): Obj {
  if (!Number.isInteger(operations) || operations < 1)
    throw new Error(`operations must be a positive integer, got ${operations}.`);
  if (!Number.isInteger(tags) || tags < 1 || tags > operations)
    throw new Error(`tags must be an integer from 1 to operations (${operations}), got ${tags}.`);
  const paths: Record<string, Obj> = {};
  for (let index = 0; index < operations; index += 1) {
    const tag = `Tag ${String((index % tags) + 1).padStart(2, '0')}`;
    const resource = Math.floor(index / METHODS.length);
    const method = METHODS[index % METHODS.length]!;
    const path = `/v1/projects/{projectId}/resources${resource}/{label}/{matrix}`;
    const operation: Obj = {
      operationId: `${method}Resource${resource}`,
      summary: `${method.toUpperCase()} resource ${resource}`,
      description: `Operation ${index + 1} of ${operations}, generated for scale tests. **Markdown** with a [link](https://example.com/${index}).`,
      tags: [tag],
      parameters: [
        'projectId',
        ...STYLED_PARAMETERS.map((parameter) => String(parameter['name'])),
      ].map((name) => ({ $ref: `#/components/parameters/${name}` })),
      responses: {
        '200': {
          description: 'The resource.',
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/TreeNode' },
              example: { id: `r${index}`, children: [] },
            },
          },
        },
        default: {
          description: 'An error.',
          content: {
            'application/json': {
              schema: { type: 'object', properties: { error: { type: 'string' } } },
            },
          },
        },
      },
    };
    if (method !== 'get' && method !== 'delete')
      operation['requestBody'] = {
        required: true,
        content: {
          'application/json': {
            schema: { $ref: '#/components/schemas/Payload' },
            example: { kind: 'text', text: 'hello' },
          },
        },
      };
    paths[path] = { ...paths[path], [method]: operation };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: `Scale test API (${operations} operations)`,
      version: '1.0.0',
      description: 'Generated for scale tests.',
    },
    servers: [{ url: 'https://numbers.api.sinch.com' }],
    security: [{ Basic: [] }],
    tags: Array.from({ length: tags }, (_, index) => ({
      name: `Tag ${String(index + 1).padStart(2, '0')}`,
      description: `Generated tag ${index + 1}.`,
    })),
    paths,
    components: {
      securitySchemes: { Basic: { type: 'http', scheme: 'basic' } },
      parameters: {
        ...Object.fromEntries(
          STYLED_PARAMETERS.map((parameter) => [String(parameter['name']), parameter]),
        ),
        projectId: {
          name: 'projectId',
          in: 'path',
          required: true,
          schema: { type: 'string' },
          example: 'demo-project',
        },
      },
      schemas: componentSchemas(),
    },
  };
}

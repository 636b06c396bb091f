import { describe, expect, it } from 'vitest';
import { loadOpenApiDocument } from '../openapi/load.ts';
import { toOperationModels } from '../openapi/operations.ts';
import { referencePages } from './pages.ts';
import { API_REGISTRY } from './registry.ts';
import { scaleDocument } from './scale-document.ts';

describe('scaleDocument', () => {
  it('spreads the operations over the tags, with unique ids, every style and a recursive schema', async () => {
    const raw = scaleDocument({ operations: 23, tags: 4 });
    const document = await loadOpenApiDocument(raw);
    const models = toOperationModels(document);
    expect(models).toHaveLength(23);
    expect(new Set(models.map((model) => model.id)).size).toBe(23);
    expect(new Set(models.map((model) => model.tags[0])).size).toBe(4);
    const styles = new Set(
      models[0]!.parameters.map((parameter) => `${parameter.in}:${parameter.style ?? ''}`),
    );
    expect([...styles].sort()).toEqual(
      [
        'cookie:form',
        'header:simple',
        'path:',
        'path:label',
        'path:matrix',
        'query:deepObject',
        'query:form',
        'query:pipeDelimited',
        'query:spaceDelimited',
      ].sort(),
    );
    const tree = (
      document['components'] as { schemas: Record<string, { properties: Record<string, unknown> }> }
    ).schemas['TreeNode']!;
    expect(tree.properties['parent']).toBe(tree);
    const pages = referencePages([
      { entry: { ...API_REGISTRY[0]!, slug: 'scale' }, document, operations: models, origins: [] },
    ]);
    expect(pages).toHaveLength(23);
    expect(pages[1]?.requestBody?.bodies[0]?.schema?.alternatives).toHaveLength(2);
  });

  it('is deterministic', () => {
    expect(scaleDocument({ operations: 7, tags: 2 })).toEqual(
      scaleDocument({ operations: 7, tags: 2 }),
    );
  });

  it.each([
    [{ operations: 0, tags: 1 }, 'operations must be a positive integer'],
    [{ operations: 5, tags: 6 }, 'tags must be an integer from 1 to operations (5)'],
  ])('refuses %j', (options, message) => {
    expect(() => scaleDocument(options)).toThrow(message);
  });
});

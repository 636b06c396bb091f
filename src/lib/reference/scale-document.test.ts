import { describe, expect, it } from 'vitest';
import { loadOpenApiDocument } from '../openapi/load.ts';
import { toOperationModels } from '../openapi/operations.ts';
import { scaleBenchEnabled, scaleDocument, scaleDocumentText } from './scale-document.ts';

describe('scaleDocument', () => {
  it('has 1,000 operations with unique ids in 50 tags of 20, every parameter style, and recursive schemas', async () => {
    const document = await loadOpenApiDocument(JSON.parse(scaleDocumentText()) as object);
    const operations = toOperationModels(document);
    expect(operations).toHaveLength(1000);
    expect(new Set(operations.map((operation) => operation.id)).size).toBe(1000);
    const perTag = new Map<string, number>();
    for (const { tags } of operations) perTag.set(tags[0]!, (perTag.get(tags[0]!) ?? 0) + 1);
    expect(perTag.size).toBe(50);
    expect(new Set(perTag.values())).toEqual(new Set([20]));
    const styles = new Set(
      operations.flatMap((operation) =>
        operation.parameters.map((parameter) => `${parameter.in} ${parameter.style ?? ''}`),
      ),
    );
    for (const style of [
      'query form',
      'query spaceDelimited',
      'query pipeDelimited',
      'query deepObject',
      'header simple',
      'path label',
      'path matrix',
      'path simple',
    ])
      expect(styles).toContain(style);
    const tree = operations.find((operation) => operation.method === 'POST')!.requestBody!.schema
      .allOf![1]!.properties!['tree']!;
    expect(tree.properties!['children']!.items).toBe(tree);
  });

  it('declares every path parameter it puts in a path, and some paths have several', async () => {
    const operations = toOperationModels(
      await loadOpenApiDocument(scaleDocument({ operations: 50, tags: 2 })),
    );
    expect(operations).toHaveLength(50);
    for (const { path, parameters } of operations) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const declared = parameters.filter((parameter) => parameter.in === 'path');
      expect(declared.map((parameter) => parameter.name)).toEqual(inPath);
    }
    expect(operations.some(({ path }) => path.split('{').length > 2)).toBe(true);
  });

  it.each([
    [{ operations: 1000, tags: 0 }, /tags must be a positive integer/],
    [{ operations: 999, tags: 50 }, /operations must be a multiple of 5 × tags/],
  ])('rejects %o', (options, message) => expect(() => scaleDocument(options)).toThrow(message));
});

describe('scaleBenchEnabled', () => {
  it.each([
    [{ SCALE_BENCH: '1' }, true],
    [{ SCALE_BENCH: '0' }, false],
    [{}, false],
  ])('%o → %s', (env, enabled) => expect(scaleBenchEnabled(env)).toBe(enabled));
});

import { describe, expect, it } from 'vitest';
import { scaleBenchEnabled, scaleDocumentText } from './scale-bench.ts';

describe('scaleBenchEnabled', () => {
  it.each([
    [{ SCALE_BENCH: '1' }, true],
    [{ SCALE_BENCH: '0' }, false],
    [{}, false],
  ])('%o → %s', (env, enabled) => expect(scaleBenchEnabled(env)).toBe(enabled));
});

describe('scaleDocumentText', () => {
  it('is the 1,000-operation document as JSON', () => {
    const paths = (JSON.parse(scaleDocumentText()) as { paths: Record<string, object> }).paths;
    const operations = Object.values(paths).flatMap((item) => Object.keys(item));
    expect(operations.length).toBeGreaterThanOrEqual(1000);
  });
});

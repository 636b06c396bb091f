/**
 * The switch that registers the generated scale document for the benchmark only: with
 * SCALE_BENCH=1 at build time the registry gains one entry whose text is generated here.
 */
import { scaleDocument, type ScaleOptions } from './scale-document.ts';

/** The size the benchmark uses: 1,000 operations in 50 tags. */
export const BENCH_SCALE: ScaleOptions = { operations: 1000, tags: 50 };

/** The registry entry of the generated document. */
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
  return JSON.stringify(scaleDocument(BENCH_SCALE));
}

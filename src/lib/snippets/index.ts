import { curlTarget } from './curl/curl.ts';
import { javaTarget } from './java/java.ts';
import { javascriptTarget } from './javascript/javascript.ts';
import { phpTarget } from './php/php.ts';
import { pythonTarget } from './python/python.ts';
import type { SnippetInput, SnippetTarget } from './types.ts';
import { typescriptTarget } from './typescript/typescript.ts';

/** Every snippet target, in tab order. */
export const SNIPPET_TARGETS: readonly SnippetTarget[] = [
  curlTarget,
  typescriptTarget,
  javascriptTarget,
  pythonTarget,
  javaTarget,
  phpTarget,
];

/** Writes one snippet; throws for an unknown target id (a programming error, not user input). */
export function generateSnippet(targetId: string, input: SnippetInput): string {
  const target = SNIPPET_TARGETS.find((candidate) => candidate.id === targetId);
  if (!target) throw new Error(`Unknown snippet target "${targetId}".`);
  return target.generate(input);
}

import { generateFetchProgram } from '../typescript/typescript.ts';
import type { SnippetTarget } from '../types.ts';

/** JavaScript for Node.js 18+: the TypeScript program without types. */
export const javascriptTarget: SnippetTarget = {
  id: 'javascript',
  label: 'Node.js',
  language: 'javascript',
  fileName: 'request.mjs',
  generate: (input) => generateFetchProgram(input, false),
};

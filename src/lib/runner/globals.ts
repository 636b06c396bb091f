/**
 * Declarations of the few Node globals the TypeScript snippets use, for the runner's editor: with
 * them the snippet type-checks in the browser as it does under Node, so a misspelled property of
 * the response type is a diagnostic, not a silent `undefined`. The sandbox's prelude provides them.
 */
export const NODE_GLOBALS_DECLARATIONS = `/** The environment; in the runner, placeholders the page replaces with your credentials. */
declare const process: {
  readonly env: { readonly [name: string]: string | undefined };
  exitCode: number | undefined;
};
/** The part of Node's Buffer the snippets use: UTF-8 text to base64. */
declare const Buffer: {
  from(text: string, encoding?: 'utf8' | 'utf-8'): {
    toString(encoding?: 'base64' | 'utf8' | 'utf-8'): string;
  };
};
`;

/** Compiler options of the runner's editor (every file a module, so two open editors never clash). */
export const RUNNER_COMPILER_OPTIONS = {
  strict: true,
  // ScriptTarget.ESNext, ModuleKind.ESNext, ModuleDetectionKind.Force.
  target: 99,
  module: 99,
  moduleDetection: 3,
  allowNonTsExtensions: true,
} as const;

import { builtinModules } from 'node:module';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';

/** Code that runs in the browser (or is bundled for it); ARCHITECTURE.md explains the layers. */
const BROWSER_CODE = [
  'src/components/**',
  'src/lib/playground/**',
  'src/lib/request/**',
  'src/lib/snippets/**',
];

/** Browser code imports nothing server-only: not the proxy, the mock, the server layer or Node. */
const browserImports = {
  paths: builtinModules.map((name) => ({
    name,
    message: 'Browser code cannot import Node built-ins.',
  })),
  patterns: [
    {
      regex: '^node:',
      message: 'Browser code cannot import Node built-ins.',
    },
    {
      regex: '^(\\.\\./)+(lib/)?(proxy|mock|server)(/|$)',
      message:
        'Browser code cannot import src/lib/proxy, src/lib/mock or src/lib/server; shared types live in src/lib/request (e.g. proxy-contract.ts).',
    },
  ],
};

/** Library code never reaches up into components. */
const libraryImports = {
  patterns: [
    {
      regex: '^(\\.\\./)+components(/|$)',
      message: 'src/lib cannot import src/components; move the shared piece into src/lib.',
    },
  ],
};

export default defineConfig(
  {
    ignores: [
      'dist/',
      'dist-*/',
      '.astro/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
    ],
  },
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['src/lib/**'],
    rules: { 'no-restricted-imports': ['error', libraryImports] },
  },
  {
    // Later blocks replace a rule's options, so browser code gets both sets of patterns.
    files: BROWSER_CODE,
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: browserImports.paths,
          patterns: [...browserImports.patterns, ...libraryImports.patterns],
        },
      ],
    },
  },
  // Server layering: the proxy and the mock never import each other (the composition root in
  // src/lib/server wires them); the build never imports the production server. Each block keeps
  // the library patterns too, since a later block replaces the rule's options.
  {
    files: ['src/lib/proxy/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...libraryImports.patterns,
            { group: ['**/mock/**'], message: 'The proxy receives its mock injected.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/lib/mock/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...libraryImports.patterns,
            { group: ['**/proxy/**'], message: 'Shared server code belongs in src/lib/http.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/lib/build/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...libraryImports.patterns,
            { group: ['**/server/**'], message: 'Shared lists belong in src/lib/http.' },
          ],
        },
      ],
    },
  },
);

import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';

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
  // Server layering: the proxy and the mock never import each other (the composition root in
  // src/lib/server wires them); the build never imports the production server.
  {
    files: ['src/lib/proxy/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/mock/**'], message: 'The proxy receives its mock injected.' }] },
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
          patterns: [{ group: ['**/server/**'], message: 'Shared lists belong in src/lib/http.' }],
        },
      ],
    },
  },
);

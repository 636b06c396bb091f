/**
 * Everything the page's Monaco editors share, as one module bundled apart from the site (see
 * src/lib/build/monaco-bundle.ts) and imported on first use through `loadMonaco()`: the editor
 * API, JSON and TypeScript support, a worker per language, the stylesheet and a theme that
 * follows the site's. One module, so a later editor never replaces an earlier one's workers.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import 'monaco-editor/languages/definitions/typescript/register';
import {
  getTypeScriptWorker,
  typescriptDefaults,
} from 'monaco-editor/languages/features/typescript/register';

export { monaco, jsonDefaults, getTypeScriptWorker, typescriptDefaults };

/** The worker file (bundled beside this module) that serves a Monaco worker label. */
function workerFile(label: string): string {
  if (label === 'json') return 'json.worker.js';
  if (label === 'typescript' || label === 'javascript') return 'ts.worker.js';
  return 'editor.worker.js';
}

(self as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = {
  getWorker: (_id: string, label: string) =>
    new Worker(new URL(`./${workerFile(label)}`, import.meta.url), { name: label }),
};

/** The Monaco theme matching Starlight's current theme. */
export function themeName(): string {
  return document.documentElement.dataset['theme'] === 'dark' ? 'vs-dark' : 'vs';
}

let prepared: Promise<typeof monaco> | undefined;

/** Adds Monaco's stylesheet (bundled beside this module) and waits until it applies. */
function linkStylesheet(): Promise<void> {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('./editor.css', import.meta.url).href;
  link.dataset['monaco'] = '';
  const loaded = new Promise<void>((resolve, reject) => {
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener(
      'error',
      () => reject(new Error(`The editor's stylesheet did not load (${link.href}).`)),
      { once: true },
    );
  });
  document.head.append(link);
  return loaded;
}

/**
 * Monaco, once its stylesheet applies (an editor created before it has no layout); from the
 * first call on, Monaco's theme follows the site's theme switch.
 */
export function prepareMonaco(): Promise<typeof monaco> {
  prepared ??= linkStylesheet().then(() => {
    new MutationObserver(() => monaco.editor.setTheme(themeName())).observe(
      document.documentElement,
      { attributes: true, attributeFilter: ['data-theme'] },
    );
    return monaco;
  });
  return prepared;
}

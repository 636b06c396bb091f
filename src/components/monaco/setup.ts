/**
 * What every Monaco editor on the page shares, loaded with the first one: the worker for each
 * language, the stylesheet (kept out of the page's CSS by the lazy-css build plugin) and a theme
 * that follows the site's. One module, so a later editor never replaces an earlier one's workers.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import TypeScriptWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';
import { takeLazyCss } from 'virtual:lazy-css';

(self as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = {
  getWorker: (_id: string, label: string) => {
    if (label === 'json') return new JsonWorker();
    if (label === 'typescript' || label === 'javascript') return new TypeScriptWorker();
    return new EditorWorker();
  },
};

/** The Monaco theme matching Starlight's current theme. */
export function themeName(): string {
  return document.documentElement.dataset['theme'] === 'dark' ? 'vs-dark' : 'vs';
}

let followingTheme = false;

/** Applies Monaco's stylesheet not applied yet, and from then on follows the site's theme switch. */
export function prepareMonaco(): typeof monaco {
  const css = takeLazyCss();
  if (css !== '') {
    const style = document.createElement('style');
    style.dataset['lazyCss'] = 'monaco';
    style.textContent = css;
    document.head.append(style);
  }
  if (!followingTheme) {
    followingTheme = true;
    new MutationObserver(() => monaco.editor.setTheme(themeName())).observe(
      document.documentElement,
      { attributes: true, attributeFilter: ['data-theme'] },
    );
  }
  return monaco;
}

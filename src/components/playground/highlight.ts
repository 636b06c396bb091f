/**
 * Syntax highlighting for snippets and responses, loaded after first paint: shiki's core with
 * the JavaScript regex engine, two themes, and each language only when first shown.
 */
import { createHighlighterCore, type HighlighterCore, type LanguageInput } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';

const LANGUAGES: Record<string, () => LanguageInput> = {
  shellscript: () => import('shiki/langs/shellscript.mjs'),
  typescript: () => import('shiki/langs/typescript.mjs'),
  javascript: () => import('shiki/langs/javascript.mjs'),
  python: () => import('shiki/langs/python.mjs'),
  java: () => import('shiki/langs/java.mjs'),
  php: () => import('shiki/langs/php.mjs'),
  json: () => import('shiki/langs/json.mjs'),
};

let highlighter: Promise<HighlighterCore> | undefined;

/** HTML for `code` in `language`, coloured for both themes through CSS variables. */
export async function highlight(code: string, language: string): Promise<string> {
  highlighter ??= createHighlighterCore({
    themes: [import('shiki/themes/github-light.mjs'), import('shiki/themes/github-dark.mjs')],
    langs: [],
    engine: createJavaScriptRegexEngine(),
  });
  const core = await highlighter;
  const load = LANGUAGES[language];
  if (!load) throw new Error(`No highlighting for ${language}`);
  if (!core.getLoadedLanguages().includes(language)) await core.loadLanguage(load());
  return core.codeToHtml(code, {
    lang: language,
    themes: { light: 'github-light', dark: 'github-dark' },
    defaultColor: false,
  });
}

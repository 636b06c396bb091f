/**
 * Keeps a lazily loaded library's CSS out of the page's render-blocking stylesheets.
 *
 * Astro links every stylesheet reachable from a page's client scripts, dynamic imports included,
 * so Monaco's 175 KB of CSS would block the first paint of every playground page. This Vite
 * plugin turns each side-effect `import './x.css'` in the matched modules into a module that
 * records the file's CSS text, in the order the original imports would have applied it; the code
 * that mounts the library then calls `takeLazyCss()` and adds one `<style>`. The text is minified;
 * relative `url()`s become imports of the asset, so fonts are emitted and hashed as usual.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { transform } from 'lightningcss';
import type { Plugin } from 'vite';

/** The virtual module that collects the CSS text. */
export const LAZY_CSS_MODULE = 'virtual:lazy-css';
const RESOLVED_MODULE = `\0${LAZY_CSS_MODULE}`;
const LAZY_SUFFIX = '?lazy-css';
// A virtual id that does not end in .css, so Vite's own CSS pipeline leaves it alone.
const STAND_IN = '\0lazy-css:';
const STAND_IN_END = '.js';
const CSS_SIDE_EFFECT_IMPORT = /^([ \t]*)import[ \t]+(['"])([^'"\n]+\.css)\2[ \t]*;?/gm;

/** Rewrites side-effect CSS imports to their lazy twins; null when the code has none. */
export function rewriteCssImports(code: string): string | null {
  let found = false;
  const out = code.replace(
    CSS_SIDE_EFFECT_IMPORT,
    (_match, indent: string, quote: string, specifier: string) => {
      found = true;
      return `${indent}import ${quote}${specifier}${LAZY_SUFFIX}${quote};`;
    },
  );
  return found ? out : null;
}

const RELATIVE_URL = /url\(\s*(['"]?)(\.{1,2}\/[^'")\s]+)\1\s*\)/g;

/**
 * The module that stands in for one CSS file: it records the text (with each relative `url()`
 * pointing at the imported asset) and applies nothing.
 */
export function lazyCssModule(css: string, directory: string): string {
  const imports: string[] = [];
  const parts: string[] = [];
  let last = 0;
  for (const match of css.matchAll(RELATIVE_URL)) {
    const name = `asset${imports.length}`;
    const asset = resolve(directory, match[2] ?? '');
    imports.push(`import ${name} from ${JSON.stringify(`${asset}?url`)};`);
    parts.push(JSON.stringify(`${css.slice(last, match.index)}url("`), name, "'\")'");
    last = match.index + match[0].length;
  }
  parts.push(JSON.stringify(css.slice(last)));
  return [
    ...imports,
    `import { add } from ${JSON.stringify(LAZY_CSS_MODULE)};`,
    `add(${parts.join(' + ')});`,
  ].join('\n');
}

/** The collecting module: `add` in import order, `takeLazyCss` returns and clears what was added. */
export const COLLECTOR_MODULE = [
  'const sheets = [];',
  'export function add(css) { sheets.push(css); }',
  "export function takeLazyCss() { return sheets.splice(0).join('\\n'); }",
].join('\n');

/** The Vite plugin, applied to module ids that `include` matches. */
export function lazyCss(include: RegExp): Plugin {
  return {
    name: 'lazy-css',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (source === LAZY_CSS_MODULE) return RESOLVED_MODULE;
      if (!source.endsWith(LAZY_SUFFIX)) return null;
      const resolved = await this.resolve(source.slice(0, -LAZY_SUFFIX.length), importer, {
        skipSelf: true,
      });
      return resolved === null ? null : `${STAND_IN}${resolved.id}${STAND_IN_END}`;
    },
    async load(id) {
      if (id === RESOLVED_MODULE) return COLLECTOR_MODULE;
      if (id.startsWith(STAND_IN) && id.endsWith(STAND_IN_END)) {
        const file = id.slice(STAND_IN.length, -STAND_IN_END.length);
        const { code } = transform({ filename: file, code: await readFile(file), minify: true });
        return lazyCssModule(new TextDecoder().decode(code), dirname(file));
      }
      return null;
    },
    transform(code, id) {
      if (!include.test(id)) return null;
      const out = rewriteCssImports(code);
      return out === null ? null : { code: out, map: null };
    },
  };
}

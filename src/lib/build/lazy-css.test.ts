import { describe, expect, it } from 'vitest';
import { COLLECTOR_MODULE, lazyCssModule, rewriteCssImports } from './lazy-css.ts';

describe('rewriteCssImports', () => {
  it('rewrites every side-effect CSS import and leaves other imports alone', () => {
    const code = [
      "import './editor.css';",
      'import "../base/browser/ui/aria/aria.css"',
      "import { x } from './x.js';",
      "import styles from './named.css';",
      'const s = \'import "./in-string.css"\';',
    ].join('\n');
    expect(rewriteCssImports(code)).toBe(
      [
        "import './editor.css?lazy-css';",
        'import "../base/browser/ui/aria/aria.css?lazy-css";',
        "import { x } from './x.js';",
        "import styles from './named.css';",
        'const s = \'import "./in-string.css"\';',
      ].join('\n'),
    );
  });

  it('returns null when there is nothing to rewrite', () => {
    expect(rewriteCssImports("import { x } from './x.js';")).toBeNull();
  });
});

describe('the generated modules', () => {
  it('collect CSS text in import order and hand it over once', async () => {
    const url = `data:text/javascript,${encodeURIComponent(COLLECTOR_MODULE)}`;
    const collector = (await import(/* @vite-ignore */ url)) as {
      add(css: string): void;
      takeLazyCss(): string;
    };
    collector.add('.a{}');
    collector.add('.b{}');
    expect(collector.takeLazyCss()).toBe('.a{}\n.b{}');
    expect(collector.takeLazyCss()).toBe('');
  });

  it('record the CSS as text, pointing relative url()s at imported assets', async () => {
    const code = lazyCssModule(
      '@font-face{src:url(./codicon.ttf) format("truetype")}.a{background:url("data:image/png;base64,AA==")}.b{background:url(\'../x/y.svg\')}',
      '/m/a',
    );
    expect(code).toContain('import asset0 from "/m/a/codicon.ttf?url";');
    expect(code).toContain('import asset1 from "/m/x/y.svg?url";');
    expect(code).not.toMatch(/\.css/);
    // Run it as a module, with its imports swapped for stand-ins, to see the text it records.
    const added: string[] = [];
    (globalThis as { lazyCssTestAdd?: (css: string) => void }).lazyCssTestAdd = (css) => {
      added.push(css);
    };
    const runnable = code
      .replace(
        'import asset0 from "/m/a/codicon.ttf?url";',
        'const asset0 = "/_astro/codicon.H1.ttf";',
      )
      .replace('import asset1 from "/m/x/y.svg?url";', 'const asset1 = "/_astro/y.H2.svg";')
      .replace('import { add } from "virtual:lazy-css";', 'const add = globalThis.lazyCssTestAdd;');
    await import(/* @vite-ignore */ `data:text/javascript,${encodeURIComponent(runnable)}`);
    expect(added).toEqual([
      '@font-face{src:url("/_astro/codicon.H1.ttf") format("truetype")}.a{background:url("data:image/png;base64,AA==")}.b{background:url("/_astro/y.H2.svg")}',
    ]);
  });
});

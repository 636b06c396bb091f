/**
 * Bundles the code editor (Monaco, src/components/monaco/editor.ts) apart from the site's Vite
 * build, with esbuild, and serves it under `/_astro/monaco/<hash>/`.
 *
 * Why apart: Monaco is thousands of modules. Bundled by Vite's client build they raised the
 * build's resident memory by about 750 MB (a 1,000-operation reference peaked at 2.0 GB, with
 * Monaco stubbed out at 1.2 GB); esbuild bundles the same code in about 2 s in its own process.
 * The playground imports the entry by URL on first use (src/components/monaco/load.ts), so no
 * page carries any of it before the reader opens an editor.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, rmSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { BuildOptions } from 'esbuild';
import type { Plugin } from 'vite';
import { COMPRESSIBLE_CONTENT_TYPES } from '../http/content-types.ts';
import { listFiles } from './list-files.ts';

/** The virtual module that tells the playground where the entry is. */
export const MONACO_BUNDLE_MODULE = 'virtual:monaco-bundle';
const RESOLVED_MODULE = `\0${MONACO_BUNDLE_MODULE}`;
/** The bundle's entry module, at the top of its folder. */
export const MONACO_ENTRY_FILE = 'editor.js';
/** Hex digits of the content hash that names the bundle's folder. */
const HASH_LENGTH = 12;

/** The entry, relative to the project root. */
const ENTRY_SOURCE = 'src/components/monaco/editor.ts';
/** Each worker the entry starts (see its `workerFile`), by output name. */
const WORKER_SOURCES = {
  'editor.worker': 'monaco-editor/editor/editor.worker',
  'json.worker': 'monaco-editor/languages/features/json/json.worker',
  'ts.worker': 'monaco-editor/languages/features/typescript/ts.worker',
} as const;

/**
 * The two esbuild builds: the entry as ES modules split into shared chunks (Monaco's language
 * modes load on demand), its stylesheet beside it with the icon font; and each worker as one
 * classic script, since a worker cannot share the page's chunks.
 */
export function monacoBuildOptions(root: string, outdir: string): BuildOptions[] {
  const common: BuildOptions = {
    absWorkingDir: root,
    bundle: true,
    minify: true,
    target: 'es2022',
    outdir,
    logLevel: 'warning',
    legalComments: 'none',
  };
  return [
    {
      ...common,
      entryPoints: { editor: ENTRY_SOURCE },
      format: 'esm',
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
      assetNames: '[name]-[hash]',
      loader: { '.ttf': 'file' },
    },
    { ...common, entryPoints: WORKER_SOURCES, format: 'iife' },
  ];
}

/** A hash of every file's path and bytes below `dir`: the same bundle gets the same name. */
export async function contentHash(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of await listFiles(dir)) {
    hash.update(`${file}\0`);
    hash.update(await readFile(join(dir, file)));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, HASH_LENGTH);
}

/** A built bundle: the folder holding it and the hash that names it. */
export interface MonacoBundle {
  dir: string;
  hash: string;
}

/**
 * Runs esbuild's builds, one after the other, in a Node process of their own: esbuild's service
 * keeps the memory a build took (about 400 MB here) until its process ends, and the site build's
 * own service lives as long as the build.
 */
async function runEsbuild(root: string, builds: BuildOptions[]): Promise<void> {
  const script = `import { build } from 'esbuild';
for (const options of JSON.parse(process.argv[1])) await build(options);`;
  const child = spawn(
    process.execPath,
    ['--input-type=module', '-e', script, JSON.stringify(builds)],
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  const code = await new Promise<number | null>((done, fail) => {
    child.once('error', fail);
    child.once('exit', done);
  });
  if (code !== 0) throw new Error(`Bundling the code editor with esbuild failed (exit ${code}).`);
}

/** Bundles the editor into a new temporary folder. */
export async function bundleMonaco(root: string): Promise<MonacoBundle> {
  const dir = await mkdtemp(join(tmpdir(), 'monaco-bundle-'));
  try {
    await runEsbuild(root, monacoBuildOptions(root, dir));
    // The entry's lazily imported chunks get stylesheets of their own, copies of parts of the
    // entry's; only the entry's is ever linked.
    for (const file of await listFiles(dir))
      if (file.startsWith('chunks/') && file.endsWith('.css')) await rm(join(dir, file));
    return { dir, hash: await contentHash(dir) };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** The URL folder a bundle is served from, e.g. `/_astro/monaco/1a2b3c4d5e6f/`. */
export function bundleBase(base: string, assets: string, hash: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return `${prefix}${assets.replace(/^\/+|\/+$/g, '')}/monaco/${hash}/`;
}

/**
 * The file below `dir` that a request path names, when it lies inside the bundle's URL folder;
 * null for anything else (other paths, `..` segments, bad escapes).
 */
export function bundleFile(dir: string, urlBase: string, pathname: string): string | null {
  if (!pathname.startsWith(urlBase)) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice(urlBase.length));
  } catch {
    return null;
  }
  if (relative === '' || relative.includes('\0')) return null;
  const file = resolve(dir, relative);
  return file.startsWith(dir + sep) ? file : null;
}

/**
 * The integration: bundles on first need (the first import of `virtual:monaco-bundle`, once per
 * process), serves the bundle in `astro dev`, and copies it into the client build. List it before
 * the precompression integration so its files get compressed twins too.
 */
export function monacoBundleIntegration(): AstroIntegration {
  let root = '';
  let base = '/';
  let assets = '_astro';
  let bundling: Promise<MonacoBundle> | undefined;
  const ensureBundle = (): Promise<MonacoBundle> =>
    (bundling ??= bundleMonaco(root).then((bundle) => {
      // The temporary folder goes with the process (dev server, failed build); a finished
      // build has copied it by then.
      process.once('exit', () => rmSync(bundle.dir, { recursive: true, force: true }));
      return bundle;
    }));

  const plugin: Plugin = {
    name: 'monaco-bundle',
    resolveId: (id) => (id === MONACO_BUNDLE_MODULE ? RESOLVED_MODULE : null),
    async load(id) {
      if (id !== RESOLVED_MODULE) return null;
      const { hash } = await ensureBundle();
      const url = `${bundleBase(base, assets, hash)}${MONACO_ENTRY_FILE}`;
      return `export const MONACO_ENTRY_URL = ${JSON.stringify(url)};`;
    },
  };

  return {
    name: 'monaco-bundle',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        root = fileURLToPath(config.root);
        base = config.base;
        assets = config.build.assets;
        updateConfig({ vite: { plugins: [plugin] } });
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          if (bundling === undefined || !(req.url ?? '').includes('/monaco/')) return next();
          void ensureBundle().then(({ dir, hash }) => {
            const pathname = new URL(req.url ?? '/', 'http://dev').pathname;
            const file = bundleFile(dir, bundleBase(base, assets, hash), pathname);
            if (file === null) return next();
            res.setHeader(
              'Content-Type',
              COMPRESSIBLE_CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
            );
            createReadStream(file)
              .on('error', () => {
                res.statusCode = 404;
                res.end();
              })
              .pipe(res);
          }, next);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (bundling === undefined) return;
        const bundle = await bundling;
        const target = join(fileURLToPath(dir), assets, 'monaco', bundle.hash);
        await cp(bundle.dir, target, { recursive: true });
        await rm(bundle.dir, { recursive: true, force: true });
        logger.info(`code editor bundled apart as ${assets}/monaco/${bundle.hash}/`);
      },
    },
  };
}

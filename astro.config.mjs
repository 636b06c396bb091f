// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import { precompressIntegration } from './src/lib/build/precompress.ts';
import { MAX_BODY_BYTES } from './src/lib/http/body.ts';
import { monacoBundleIntegration } from './src/lib/build/monaco-bundle.ts';
import { loadReferenceApis } from './src/lib/reference/documents.ts';
import { siteSidebar } from './src/lib/site-sidebar.ts';

// Guides, then the API reference generated from the registry (src/lib/reference/registry.ts).
const sidebar = siteSidebar(await loadReferenceApis());

// Docs pages are prerendered; /api/* and /mock/* opt out with `prerender = false`.
export default defineConfig({
  site: 'https://docs-playground.example.com',
  output: 'static',
  // Every route that reads a body stops at MAX_BODY_BYTES (1 MiB) with its own 413; the adapter's
  // limit (default 1 GiB) is a backstop just above it, so the routes' answer always comes first.
  adapter: node({ mode: 'standalone', bodySizeLimit: 2 * MAX_BODY_BYTES }),
  // Astro's form-POST origin check would refuse OAuth2 token requests (form bodies) to the mock
  // from curl and SDKs; /api/proxy does its own same-origin and JSON-only checks.
  security: { checkOrigin: false },
  server: {
    host: process.env.HOST ?? 'localhost',
    port: Number(process.env.PORT ?? 4321),
  },
  integrations: [
    starlight({
      title: 'Sinch API Playground',
      description:
        'Learn Sinch REST API authentication and try requests live, with runnable curl and TypeScript snippets.',
      // Wrap long code lines instead of scrolling: readable at 375 px and no unlabelled scroll regions.
      expressiveCode: { defaultProps: { wrap: true } },
      components: {
        // Loads the search UI on intent instead of on idle (page JavaScript budget).
        Search: './src/components/SiteSearch.astro',
        // Adds the link to each page's Markdown twin under its title.
        PageTitle: './src/components/PageTitle.astro',
      },
      sidebar,
    }),
    mdx(),
    // The code editor, bundled apart from Vite's build (memory) and loaded by URL on first use.
    monacoBundleIntegration(),
    // .br and .gz copies of the built text files, served by scripts/serve.ts.
    precompressIntegration(),
  ],
});

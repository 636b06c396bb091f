import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { loadReferenceApis } from '../lib/reference/documents.ts';
import { llmsTxt } from '../lib/reference/llms.ts';
import { referencePages } from '../lib/reference/pages.ts';
import { markdownPath } from '../lib/reference/slug.ts';
import { overviewPath } from '../lib/reference/sidebar.ts';

/** /llms.txt: every guide and reference page, linked to its Markdown twin. */
export const GET: APIRoute = async ({ site, url }) => {
  // The home page first, then the guides by path.
  const guides = (await getCollection('docs'))
    .filter((entry) => entry.id !== '404')
    .sort((a, b) => (a.id === 'index' ? -1 : b.id === 'index' ? 1 : a.id.localeCompare(b.id)));
  const apis = await loadReferenceApis();
  const pages = referencePages(apis);
  const text = llmsTxt(
    {
      title: 'Sinch API Playground',
      description:
        'Guides to Sinch REST API authentication (Basic for testing, OAuth2 for production) and a reference of every operation of the APIs below, each with a live playground on the web page.',
      origin: (site ?? url).origin,
    },
    [
      {
        name: 'Guides',
        pages: guides.map((entry) => ({
          title: entry.data.title,
          markdownPath: markdownPath(entry.id === 'index' ? '/' : `/${entry.id}/`),
          description: entry.data.description ?? '',
        })),
      },
      ...apis.map(({ entry }) => ({
        name: `${entry.title} reference`,
        pages: [
          {
            title: `${entry.title} overview`,
            markdownPath: markdownPath(overviewPath(entry.slug)),
            description: entry.description,
          },
          ...pages
            .filter((page) => page.api.slug === entry.slug)
            .map((page) => ({
              title: page.model.summary || page.model.id,
              markdownPath: markdownPath(page.pagePath),
              description: `${page.model.method} ${page.model.path}`,
            })),
        ],
      })),
    ],
  );
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};

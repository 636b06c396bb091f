import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { loadReferenceApis } from '../../lib/reference/documents.ts';
import { overviewMarkdown } from '../../lib/reference/llms.ts';
import { apiOverview, referencePages } from '../../lib/reference/pages.ts';

/** The Markdown twin of every API overview, at /reference/<api>.md. */
export const getStaticPaths = (async () => {
  const apis = await loadReferenceApis();
  const pages = referencePages(apis);
  return apis.map((api) => {
    const { title, description, groups } = apiOverview(api, pages);
    return {
      params: { api: api.entry.slug },
      props: { markdown: overviewMarkdown(title, description, groups) },
    };
  });
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(props.markdown, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });

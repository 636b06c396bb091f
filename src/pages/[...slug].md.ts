import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getCollection } from 'astro:content';
import { guideMarkdown } from '../lib/reference/llms.ts';

/** The Markdown twin of every hand-written guide, at /<slug>.md (the home page at /index.md). */
export const getStaticPaths = (async () => {
  const guides = (await getCollection('docs')).filter((entry) => entry.id !== '404');
  return guides.map((entry) => ({
    params: { slug: entry.id },
    props: {
      markdown: guideMarkdown({
        title: entry.data.title,
        description: entry.data.description ?? '',
        body: entry.body ?? '',
      }),
    },
  }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(props.markdown, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });

import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { loadReferenceApis } from '../../../lib/reference/documents.ts';
import { operationMarkdown } from '../../../lib/reference/llms.ts';
import { referencePages } from '../../../lib/reference/pages.ts';
import { operationSlug } from '../../../lib/reference/slug.ts';

/** The Markdown twin of every operation's reference page, at /reference/<api>/<operation>.md. */
export const getStaticPaths = (async () =>
  referencePages(await loadReferenceApis()).map((operation) => ({
    params: { api: operation.api.slug, operation: operationSlug(operation.model.id) },
    props: { markdown: operationMarkdown(operation) },
  }))) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(props.markdown, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });

import { z } from 'astro/zod';
import { SCALE_API, scaleBenchEnabled } from './scale-bench.ts';

/** One API the site documents: its URL slug, titles, and the OpenAPI file in src/openapi/. */
export const apiEntrySchema = z.object({
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case, like "fax"'),
  title: z.string().min(1),
  sidebarLabel: z.string().min(1),
  description: z.string().min(1),
  document: z.string().regex(/^[a-z0-9-]+\.ya?ml$/, 'must be a .yaml file name in src/openapi/'),
});

/** A registry entry as written (input) and as used (output). */
export type ApiEntry = z.output<typeof apiEntrySchema>;

/** Validates registry entries: friendly field errors, and unique slugs and documents. */
export function parseRegistry(entries: unknown): ApiEntry[] {
  const parsed = z.array(apiEntrySchema).safeParse(entries);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'registry'}: ${issue.message}`,
    );
    throw new Error(`Invalid API registry entry: ${issues.join('; ')}`);
  }
  for (const key of ['slug', 'document'] as const) {
    const seen = new Set<string>();
    for (const entry of parsed.data) {
      if (seen.has(entry[key]))
        throw new Error(`Invalid API registry: ${key} "${entry[key]}" is used twice.`);
      seen.add(entry[key]);
    }
  }
  return parsed.data;
}

/**
 * The APIs the site documents, in sidebar order. Adding an API is adding an entry here (and its
 * document in src/openapi/); reference pages, the sidebar, llms.txt and the playground follow.
 */
export const API_REGISTRY: readonly ApiEntry[] = parseRegistry([
  {
    slug: 'numbers',
    title: 'Numbers API',
    sidebarLabel: 'Numbers API',
    description: 'Search, rent, configure and release phone numbers, and order regulated ones.',
    document: 'numbers.yaml',
  },
  {
    slug: 'oauth2',
    title: 'OAuth2 token API',
    sidebarLabel: 'OAuth2 API',
    description: 'Exchange an access key for a short-lived Bearer token.',
    document: 'auth.yaml',
  },
  {
    slug: 'fax',
    title: 'Fax API',
    sidebarLabel: 'Fax API',
    description: 'Send faxes from a file or a URL, list them, and download or delete their pages.',
    document: 'fax.yaml',
  },
  {
    slug: 'template-management',
    title: 'Template Management API',
    sidebarLabel: 'Template Management API',
    description: 'Create and maintain Conversation API message templates and their translations.',
    document: 'template-management.yaml',
  },
  ...(scaleBenchEnabled() ? [SCALE_API] : []),
]);

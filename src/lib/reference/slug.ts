/** Text in kebab-case: camelCase and acronyms split, anything else between words a hyphen. */
function kebabCase(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}

/**
 * The URL slug of an operation: its `operationId` in kebab-case (`listAvailableNumbers` →
 * `list-available-numbers`, `NumberService_RentNumber` → `number-service-rent-number`).
 */
export function operationSlug(operationId: string): string {
  const slug = kebabCase(operationId);
  if (slug === '') throw new Error(`operationId "${operationId}" has no letters or digits.`);
  return slug;
}

/** The heading id of a tag on an overview page (`Available numbers` → `available-numbers`). */
export function tagAnchor(tag: string): string {
  return kebabCase(tag) || 'operations';
}

/** The site path of an operation's reference page. */
export function operationPath(apiSlug: string, operationId: string): string {
  return `/reference/${apiSlug}/${operationSlug(operationId)}/`;
}

/** The site path of the Markdown twin of a page path (`/a/b/` → `/a/b.md`, `/` → `/index.md`). */
export function markdownPath(pagePath: string): string {
  const trimmed = pagePath.replace(/\/+$/, '');
  return trimmed === '' ? '/index.md' : `${trimmed}.md`;
}

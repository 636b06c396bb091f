/** How many playgrounds of each operation a page has rendered so far, per page. */
const pages = new WeakMap<object, Map<string, number>>();

/**
 * The id prefix of a playground: `pg-<operation>` for the first of its operation on a page, then
 * `pg-<operation>-2`, `-3`…, so two playgrounds for one operation never share element ids.
 * `page` is any object unique to one page render (Astro's request).
 */
export function playgroundUid(page: object, operationId: string): string {
  const counts = pages.get(page) ?? new Map<string, number>();
  pages.set(page, counts);
  const count = (counts.get(operationId) ?? 0) + 1;
  counts.set(operationId, count);
  return count === 1 ? `pg-${operationId}` : `pg-${operationId}-${count}`;
}

/** An operation as grouping needs it: its tags. */
interface Tagged {
  tags: readonly string[];
}

/** Operations of one tag, in document order, with the tag's description when declared. */
export interface TagGroup<T> {
  name: string;
  description: string;
  operations: T[];
}

/** The label of the group for operations without tags. */
export const UNTAGGED = 'Other operations';

/** Reads the top-level `tags` of a document: names and descriptions, in declared order. */
export function declaredTags(
  document: Record<string, unknown>,
): { name: string; description: string }[] {
  const tags = document['tags'];
  if (!Array.isArray(tags)) return [];
  return tags.flatMap((tag: unknown) => {
    if (typeof tag !== 'object' || tag === null) return [];
    const { name, description } = tag as Record<string, unknown>;
    if (typeof name !== 'string') return [];
    return [{ name, description: typeof description === 'string' ? description : '' }];
  });
}

/**
 * Groups operations by their first tag, for overview pages and the sidebar: declared tags first
 * in declared order, then undeclared tags in order of appearance, then untagged operations.
 */
export function groupByTag<T extends Tagged>(
  operations: readonly T[],
  declared: readonly { name: string; description: string }[] = [],
): TagGroup<T>[] {
  const groups = new Map<string, TagGroup<T>>();
  for (const tag of declared) groups.set(tag.name, { ...tag, operations: [] });
  const untagged: T[] = [];
  for (const operation of operations) {
    const name = operation.tags[0];
    if (name === undefined) {
      untagged.push(operation);
      continue;
    }
    let group = groups.get(name);
    if (!group) {
      group = { name, description: '', operations: [] };
      groups.set(name, group);
    }
    group.operations.push(operation);
  }
  const result = [...groups.values()].filter((group) => group.operations.length > 0);
  if (untagged.length > 0) result.push({ name: UNTAGGED, description: '', operations: untagged });
  return result;
}

/**
 * What one reader has written through the generic mock: the last answer per resource path, or
 * its deletion. Kept as one bounded JSON value per reader in the per-reader store, so a reader
 * sees their own writes and nobody else's.
 */

/** A resource a reader wrote (its answer) or deleted. */
export type WrittenEntry = { body: unknown } | { deleted: true };

/** A reader's writes, by request path, oldest first. */
export type Writes = Record<string, WrittenEntry>;

/** Most resources remembered per reader; older ones are forgotten first. */
export const MAX_WRITES = 50;

/** Reads a stored value back; anything unreadable counts as no writes. */
export function parseWrites(text: string | undefined): Writes {
  if (text === undefined) return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Writes)
      : {};
  } catch {
    return {};
  }
}

/**
 * Adds one write and serialises the result within `maxLength` characters and MAX_WRITES
 * entries, forgetting the oldest writes first; a single write too large to keep is dropped.
 */
export function addWrite(
  writes: Writes,
  path: string,
  entry: WrittenEntry,
  maxLength: number,
): string {
  const entries = Object.entries(writes).filter(([key]) => key !== path);
  entries.push([path, entry]);
  while (entries.length > MAX_WRITES) entries.shift();
  let text = JSON.stringify(Object.fromEntries(entries));
  while (text.length > maxLength && entries.length > 0) {
    entries.shift();
    text = JSON.stringify(Object.fromEntries(entries));
  }
  return text;
}

/**
 * The answer to a write: the canned answer with the request's top-level fields laid over it
 * where the answer has the same field with a value of the same kind, so what a reader sent
 * comes back without breaking the response schema.
 */
export function overlay(answer: unknown, request: unknown): unknown {
  if (!isRecord(answer) || !isRecord(request)) return answer;
  const result: Record<string, unknown> = { ...answer };
  for (const [key, value] of Object.entries(request))
    if (Object.hasOwn(answer, key) && kind(answer[key]) === kind(value)) result[key] = value;
  return result;
}

/**
 * A list answer with the reader's writes to its members folded in: a member written below
 * `listPath` (`<listPath>/<id>`) replaces the item that carries that id, or joins the list when
 * none does; a deleted member leaves it. The list is the answer itself when it is an array, else
 * its first array field; an answer without one comes back as it is.
 */
export function listWithWrites(answer: unknown, listPath: string, writes: Writes): unknown {
  const members = Object.entries(writes).flatMap(([path, entry]) => {
    if (!path.startsWith(`${listPath}/`)) return [];
    const id = safeDecode(path.slice(listPath.length + 1));
    return id === null || id === '' || id.includes('/') ? [] : [{ id, entry }];
  });
  if (members.length === 0) return answer;
  const field = isRecord(answer)
    ? Object.keys(answer).find((key) => Array.isArray(answer[key]))
    : undefined;
  const list: unknown = field === undefined ? answer : (answer as Record<string, unknown>)[field];
  if (!Array.isArray(list)) return answer;
  let items = [...(list as unknown[])];
  for (const { id, entry } of members) {
    const index = items.findIndex((item) => carriesId(item, id));
    if ('deleted' in entry) items = items.filter((item) => !carriesId(item, id));
    else if (index >= 0) items[index] = entry.body;
    else items.push(entry.body);
  }
  return field === undefined ? items : { ...(answer as Record<string, unknown>), [field]: items };
}

/** Whether a list item is the member with this id: one of its top-level strings is the id. */
function carriesId(item: unknown, id: string): boolean {
  return isRecord(item) && Object.values(item).some((value) => value === id);
}

/** A decoded path segment, or null when its escapes are malformed (shared with the handler). */
export function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** A plain object. */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON kind of a value: array, null, or its typeof. */
function kind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  return value === null ? 'null' : typeof value;
}

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

/** A plain object. */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON kind of a value: array, null, or its typeof. */
function kind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  return value === null ? 'null' : typeof value;
}

/**
 * The playground model as the JSON the page embeds for its script. Dereferenced documents may
 * hold recursive schemas (a tree node whose children are tree nodes), which JSON cannot carry:
 * each repeat of a schema inside itself becomes an empty schema, which accepts any value.
 */
import type { PlaygroundModel } from './props.ts';

/** A deep copy of `value` with every reference back to an enclosing object replaced by `{}`. */
export function withoutCycles<T>(value: T, enclosing: ReadonlySet<object> = new Set()): T {
  if (typeof value !== 'object' || value === null) return value;
  if (enclosing.has(value)) return {} as T;
  const inside = new Set(enclosing).add(value);
  if (Array.isArray(value)) return value.map((item: unknown) => withoutCycles(item, inside)) as T;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, withoutCycles(item, inside)]),
  ) as T;
}

/** The model as JSON safe inside a <script> element (no `<`, so no closing tag). */
export function modelJson(model: PlaygroundModel): string {
  return JSON.stringify(withoutCycles(model)).replaceAll('<', '\\u003c');
}

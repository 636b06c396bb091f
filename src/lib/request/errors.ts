/** A problem with one input field, named so the UI and the proxy can point at it. */
export interface FieldError {
  /** The field at fault: a parameter name, `keyId`, `keySecret`, `body` or `serverUrl`. */
  field: string;
  message: string;
}

/** Result of a step that either succeeds or names every field at fault. */
export type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

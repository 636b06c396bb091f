/** Methods the playground may send; the proxy refuses every other method. */
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** How a request authenticates; the same shape is the `auth` field of POST /api/proxy. */
export type RequestAuth =
  | { type: 'basic'; username: string; password: string }
  | { type: 'bearer'; token: string }
  | { type: 'none' };

/**
 * The one neutral request: every snippet target and the live request are made from it,
 * so what a reader copies is what was sent. It is also the body of POST /api/proxy.
 */
export interface HttpRequest {
  method: HttpMethod;
  /** Absolute URL, path and query already serialised. */
  url: string;
  /** Headers other than Authorization (which comes from `auth`). */
  headers: Record<string, string>;
  /** Raw body text (JSON or form-encoded), or null. */
  body: string | null;
  auth: RequestAuth;
}

/** The three values a reader types into the credentials panel. */
export interface Credentials {
  projectId: string;
  keyId: string;
  keySecret: string;
}

/** Parameter values typed by the reader, keyed by OpenAPI parameter name; arrays repeat. */
export type ParameterValues = Record<string, string | readonly string[] | undefined>;

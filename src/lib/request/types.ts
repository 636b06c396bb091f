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
  /** Raw body text (JSON or form-encoded), base64 bytes when `bodyEncoding` says so, or null. */
  body: string | null;
  /** `base64` for byte bodies (multipart, files); absent means `utf8`. */
  bodyEncoding?: BodyEncoding;
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

/** How the proxy request's `body` is written: text as it is, or bytes as base64. */
export type BodyEncoding = 'utf8' | 'base64';

/** A local file chosen for a file field: snippets read it from `path`, the live request sends `bytes`. */
export interface FileInput {
  /** A local path (or, in the browser, the file's name); snippets quote it and read from it. */
  path: string;
  /** The file's content, sent by the live request; absent when only snippets are written. */
  bytes?: Uint8Array;
  /** The part's media type; defaults to what the document declares for the field. */
  contentType?: string;
}

/** One piece of a URL: literal text, or the project ID (raw value) so env-mode snippets can read it. */
export type UrlPiece = { text: string } | { projectId: string };

/** The URL of a request in the parts snippets need, so no target re-parses a URL. */
export interface RequestUrl {
  /** The server base URL, variables applied, without a trailing slash. */
  server: readonly UrlPiece[];
  /** The path after the server, every parameter serialised in its style. */
  path: readonly UrlPiece[];
  /** The serialised query without `?`, or an empty string. */
  query: string;
}

/** One part of a multipart body as snippets write it: a text field or a local file. */
export type ContentPart =
  | { name: string; value: string; contentType?: string }
  | { name: string; path: string; contentType: string };

/** The request body in the shape snippets write it (the live request carries the bytes). */
export type RequestContent =
  | { kind: 'none' }
  | { kind: 'text'; text: string }
  | { kind: 'multipart'; parts: readonly ContentPart[] }
  | { kind: 'file'; path: string; contentType: string };

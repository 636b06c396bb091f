import type { HttpRequest, RequestContent, RequestUrl } from '../request/types.ts';
import type { JsonSchema } from '../openapi/types.ts';

/**
 * How a snippet authenticates. OAuth2 snippets fetch a token with the key first, then send
 * Bearer; an API key goes in the header or query parameter `name` the document declares.
 */
export type SnippetAuth =
  | { type: 'basic'; keyId: string; keySecret: string }
  | { type: 'oauth2'; keyId: string; keySecret: string; tokenUrl: string }
  | { type: 'bearer'; token: string }
  | { type: 'apiKey'; in: 'header' | 'query'; name: string; key: string }
  | { type: 'none' };

/** Inline: the typed values are written into the snippet. Environment: read from SINCH_* variables. */
export type CredentialMode = 'inline' | 'env';

/** Everything a target needs to write one snippet. */
export interface SnippetInput {
  /** The neutral request; its `auth` is ignored in favour of `auth` below. */
  request: HttpRequest;
  auth: SnippetAuth;
  credentialMode: CredentialMode;
  /**
   * The URL in parts (from `prepareRequest`); in `env` mode the project ID's place is read from
   * SINCH_PROJECT_ID. Without it the URL is written as one literal.
   */
  url?: RequestUrl;
  /** The body as snippets write it (from `prepareRequest`): text, multipart parts or a file. */
  content?: RequestContent;
  /** The project ID the reader typed; its place in the URL comes from `url`. */
  projectId?: string;
  /** Response schema, for typed targets (TypeScript interface). */
  responseSchema?: JsonSchema;
  /** Name for the generated response type, e.g. `ListAvailableNumbersResponse`. */
  responseTypeName?: string;
}

/** One snippet target (curl, TypeScript, Python, …), registered in `snippets/index.ts`. */
export interface SnippetTarget {
  /** Stable id used in tabs and URLs, e.g. `curl`, `typescript`. */
  id: string;
  /** Tab label, e.g. `curl`, `TypeScript`. */
  label: string;
  /** shiki language id for highlighting. */
  language: string;
  /** File name a reader would save it as, e.g. `request.ts`. */
  fileName: string;
  generate(input: SnippetInput): string;
}

/**
 * The contract of POST /api/proxy, shared by the browser (which sends and reads it) and the
 * proxy (which answers it). Types only, so browser code can use it without pulling in the server.
 */
import type { HttpRequest } from './types.ts';

/** Where the playground posts its requests. */
export const PROXY_PATH = '/api/proxy';

/** The body of POST /api/proxy: the neutral request itself. */
export type ProxyRequest = HttpRequest;

/** The JSON envelope returned with HTTP 200 whenever the upstream answered. */
export interface ProxyEnvelope {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: string;
  bodyEncoding: 'utf8' | 'base64';
  durationMs: number;
  sizeBytes: number;
  /**
   * Always false: an answer over the proxy's 5 MiB cap is refused (502 RESPONSE_TOO_LARGE), never
   * cut short. Kept so the envelope has the documented shape.
   */
  truncated: false;
}

/** What the proxy reports when it refused a request or could not reach the API. */
export interface ProxyErrorDetail {
  /** Stable UPPER_SNAKE code, e.g. `ORIGIN_NOT_ALLOWED`. */
  code: string;
  message: string;
  hint?: string;
  /** The request field at fault, when one is. */
  field?: string;
}

/** The body of every 4xx/5xx answer of the proxy. */
export interface ProxyErrorBody {
  error: ProxyErrorDetail;
}

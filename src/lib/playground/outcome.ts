import type { ProxyEnvelope, ProxyErrorBody, ProxyErrorDetail } from '../request/proxy-contract.ts';
import { envelopeBytes, isDownloadBody, mediaTypeOf } from './response-body.ts';

/** Every way a send can end, for the response panel. */
export type Outcome =
  | { kind: 'response'; envelope: ProxyEnvelope }
  | { kind: 'proxy-error'; status: number; error: ProxyErrorDetail }
  | { kind: 'network'; message: string };

/** Reads the proxy's answer into an outcome; anything unexpected is reported, not thrown. */
export async function readProxyAnswer(response: Response): Promise<Outcome> {
  const text = await response.text();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {
      kind: 'network',
      message: `The playground server answered ${response.status} without JSON.`,
    };
  }
  const record = (data ?? {}) as Record<string, unknown>;
  if (response.ok && typeof record['status'] === 'number')
    return { kind: 'response', envelope: record as unknown as ProxyEnvelope };
  // Whatever the proxy sent is checked field by field: a refusal is expected to be a ProxyErrorBody.
  const error: Partial<ProxyErrorDetail> = (record as Partial<ProxyErrorBody>).error ?? {};
  return {
    kind: 'proxy-error',
    status: response.status,
    error: {
      code: typeof error.code === 'string' ? error.code : 'UNKNOWN',
      message:
        typeof error.message === 'string'
          ? error.message
          : `The proxy answered ${response.status}.`,
      ...(typeof error.hint === 'string' ? { hint: error.hint } : {}),
    },
  };
}

const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The status text to show: the one received, or the standard reason phrase (HTTP/2 sends none). */
export function statusText(status: number, received: string): string {
  return received || REASONS[status] || '';
}

/** Colour class of a status code. */
export function statusClass(
  status: number,
): 'success' | 'redirect' | 'client-error' | 'server-error' | 'info' {
  if (status >= 500) return 'server-error';
  if (status >= 400) return 'client-error';
  if (status >= 300) return 'redirect';
  if (status >= 200) return 'success';
  return 'info';
}

/** Bytes as a short human size. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The body as display text: JSON pretty-printed, text types as text (decoded when they came as
 * base64), and a one-line note for a binary answer, which is offered as a download instead.
 */
export function displayBody(envelope: ProxyEnvelope): { text: string; isJson: boolean } {
  if (isDownloadBody(envelope)) {
    const type = mediaTypeOf(envelope.headers) || 'no media type';
    return {
      text: `Binary answer (${type}, ${formatBytes(envelope.sizeBytes)}): not shown here; download it instead.`,
      isJson: false,
    };
  }
  const text =
    envelope.bodyEncoding === 'base64'
      ? new TextDecoder().decode(envelopeBytes(envelope))
      : envelope.body;
  try {
    return { text: JSON.stringify(JSON.parse(text), null, 2), isJson: true };
  } catch {
    return { text, isJson: false };
  }
}

/** Advice shown under a response, by outcome. */
export interface Hint {
  tone: 'success' | 'caution' | 'danger';
  text: string;
  /** Offer switching to the mock server. */
  offerMock?: boolean;
}

/** Reads `Retry-After` (seconds or an HTTP date) as seconds, when present. */
export function retryAfterSeconds(
  headers: Record<string, string>,
  now = Date.now(),
): number | undefined {
  const value = Object.entries(headers).find(([name]) => name.toLowerCase() === 'retry-after')?.[1];
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - now) / 1000));
}

/** The hint for an outcome, given whether Basic auth was used. */
export function hintFor(outcome: Outcome, usedBasic: boolean): Hint | null {
  if (outcome.kind === 'network')
    return {
      tone: 'danger',
      text: `The request did not complete: ${outcome.message} Check your connection and try again.`,
    };
  if (outcome.kind === 'proxy-error') {
    const unreachable = [
      'UPSTREAM_UNREACHABLE',
      'UPSTREAM_TIMEOUT',
      'UPSTREAM_TLS_FAILED',
      'ADDRESS_NOT_ALLOWED',
    ].includes(outcome.error.code);
    const text = `${outcome.error.message}${outcome.error.hint ? ` ${outcome.error.hint}` : ''}`;
    return unreachable
      ? {
          tone: 'danger',
          text: `Sinch could not be reached from this server. ${text} You can switch to the mock server to keep going.`,
          offerMock: true,
        }
      : { tone: 'danger', text };
  }
  const { status, headers } = outcome.envelope;
  if (status === 401)
    return {
      tone: 'danger',
      text: 'Unauthorized: the key ID is unknown or the key secret does not match it. Copy both again from the Customer Dashboard; a lost secret means creating a new key.',
    };
  if (status === 403)
    return {
      tone: 'danger',
      text: 'Forbidden: the key is valid but has no access to this project. Check that the project ID belongs to the same project as the key.',
    };
  if (status === 404)
    return {
      tone: 'caution',
      text: 'Not found: check the path parameters (for example the phone number, in E.164 format with a leading +) and the project ID.',
    };
  if (status === 429) {
    const wait = retryAfterSeconds(headers);
    const retry = wait === undefined ? '' : ` Retry after ${wait} seconds.`;
    return {
      tone: 'caution',
      text: usedBasic
        ? `Too many requests: Basic authentication is heavily rate limited, and the limits can change without notice.${retry} For anything beyond a quick test, use OAuth2 access tokens.`
        : `Too many requests.${retry}`,
    };
  }
  if (status >= 500)
    return { tone: 'danger', text: 'The API reported a server error. Try again in a moment.' };
  if (status >= 400)
    return {
      tone: 'caution',
      text: 'The API rejected the request; its message below names the problem.',
    };
  return null;
}

/**
 * What the registered OpenAPI documents add to the proxy's rules: the origins of their servers
 * (derived at build time, enum values expanded) and the API key headers each one declares, which
 * pass only to that document's own origins (and its mock), under the declared name.
 */
import type { OperationModel } from '../openapi/types.ts';
import { mockBaseUrl, sinchServerUrl } from '../playground/servers.ts';
import { isLoopbackHost } from './address.ts';
import { canForwardHeader } from './headers.ts';

/** One registered document as the proxy needs it: its server origins and its operations. */
export interface AccessDocument {
  /** From `serverOrigins()`, which refuses a free-text variable in a host. */
  origins: readonly string[];
  operations: readonly OperationModel[];
}

/** The documents' contribution to the allowlists. */
export interface DocumentAccess {
  origins: ReadonlySet<string>;
  /**
   * Lower-cased API key header names by target: an origin (`https://sms.api.sinch.com`) or the
   * base path of its mock (`/mock/sms`).
   */
  apiKeyHeaders: ReadonlyMap<string, ReadonlySet<string>>;
}

/** No documents: the built-in list and the environment's origins only. */
export const NO_DOCUMENT_ACCESS: DocumentAccess = { origins: new Set(), apiKeyHeaders: new Map() };

/** The mock base path (`/mock/<api>`) the playground uses for an operation. */
function mockPath(operation: OperationModel): string {
  return new URL(mockBaseUrl(sinchServerUrl(operation), 'http://mock.invalid')).pathname;
}

/**
 * True for an origin a document may add: HTTPS with a host name. Plain HTTP and IP literals stay
 * out (the connect-time address check resolves names; an IP literal would skip it), as do
 * loopback names, reachable only when PLAYGROUND_ALLOWED_ORIGINS lists them.
 */
function isDocumentOrigin(origin: string): boolean {
  const url = new URL(origin);
  const host = url.hostname;
  return (
    url.protocol === 'https:' &&
    !host.startsWith('[') &&
    !/^[\d.]+$/.test(host) &&
    !isLoopbackHost(host)
  );
}

/**
 * Combines the documents' origins (HTTPS host names only, see `isDocumentOrigin`) and API key
 * header names. A header the proxy never forwards (Host, Cookie, Authorization, hop-by-hop,
 * Proxy-*, Forwarded, X-Forwarded-*, method overrides) is left out even when a document
 * declares it as an API key.
 */
export function documentAccess(documents: readonly AccessDocument[]): DocumentAccess {
  const origins = new Set<string>();
  const apiKeyHeaders = new Map<string, Set<string>>();
  const allow = (target: string, name: string): void => {
    const names = apiKeyHeaders.get(target) ?? new Set<string>();
    names.add(name);
    apiKeyHeaders.set(target, names);
  };
  for (const document of documents) {
    for (const origin of document.origins) if (isDocumentOrigin(origin)) origins.add(origin);
    for (const operation of document.operations)
      for (const scheme of operation.securitySchemes ?? []) {
        if (scheme.type !== 'apiKey' || scheme.in !== 'header') continue;
        const name = scheme.parameterName.toLowerCase();
        if (!canForwardHeader(name)) continue;
        for (const origin of document.origins) allow(origin, name);
        allow(mockPath(operation), name);
      }
  }
  return { origins, apiKeyHeaders };
}

/** The key under which a target's API key headers are listed: its origin, or its mock base path. */
export function accessKey(url: URL, viaMock: boolean): string {
  return viaMock ? url.pathname.split('/').slice(0, 3).join('/') : url.origin;
}

/**
 * What the registered OpenAPI documents add to the proxy's rules: the origins of their servers
 * (derived at build time, enum values expanded) and the API key headers each one declares, which
 * pass only to that document's own origins (and its mock), under the declared name.
 */
import type { OperationModel } from '../openapi/types.ts';
import { mockBaseUrl, sinchServerUrl } from '../playground/servers.ts';
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
 * Combines the documents' origins and API key header names. A header the proxy never forwards
 * (Host, Cookie, Authorization, hop-by-hop, Proxy-*, Forwarded, X-Forwarded-*, method overrides)
 * is left out even when a document declares it as an API key.
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
    for (const origin of document.origins) origins.add(origin);
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

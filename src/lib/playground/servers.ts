import type { OperationModel } from '../openapi/types.ts';

/** Value of the server choice that sends to this site's embedded mock. */
export const MOCK_SERVER = 'mock';

/** The Sinch server and token endpoint assumed when an operation's document names none. */
export const SINCH_FALLBACK = {
  serverUrl: 'https://numbers.api.sinch.com',
  tokenUrl: 'https://auth.sinch.com/oauth2/token',
} as const;

/** The operation's first Sinch server, the one the mock stands in for. */
export function sinchServerUrl(operation: OperationModel): string {
  return operation.servers[0]?.url ?? SINCH_FALLBACK.serverUrl;
}

/** The mock's base URL for a Sinch server URL, on this site: `https://numbers.api.sinch.com` → `/mock/numbers`. */
export function mockBaseUrl(sinchServerUrl: string, origin: string): string {
  const host = new URL(sinchServerUrl).hostname;
  const api = host === 'auth.sinch.com' ? 'auth' : (host.split('.')[0] ?? 'numbers');
  return `${origin}/mock/${api}`;
}

/** The base URL a server choice sends to: the mock's on `origin`, or the chosen Sinch server. */
export function serverUrlFor(server: string, operation: OperationModel, origin: string): string {
  return server === MOCK_SERVER ? mockBaseUrl(sinchServerUrl(operation), origin) : server;
}

/** The operation's OAuth2 token endpoint at Sinch. */
export function sinchTokenUrl(operation: OperationModel): string {
  return operation.tokenUrl ?? SINCH_FALLBACK.tokenUrl;
}

/** The OAuth2 token URL to use: the mock's when the mock is selected, else the operation's. */
export function tokenUrlFor(server: string, sinchTokenUrl: string, origin: string): string {
  return server === MOCK_SERVER ? `${origin}/mock/auth/oauth2/token` : sinchTokenUrl;
}

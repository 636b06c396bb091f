/** The mock's base URL for a Sinch server URL, on this site: `https://numbers.api.sinch.com` → `/mock/numbers`. */
export function mockBaseUrl(sinchServerUrl: string, origin: string): string {
  const host = new URL(sinchServerUrl).hostname;
  const api = host === 'auth.sinch.com' ? 'auth' : (host.split('.')[0] ?? 'numbers');
  return `${origin}/mock/${api}`;
}

/** The OAuth2 token URL to use: the mock's when the mock is selected, else the operation's. */
export function tokenUrlFor(server: string, sinchTokenUrl: string, origin: string): string {
  return server === 'mock' ? `${origin}/mock/auth/oauth2/token` : sinchTokenUrl;
}

import type { Credentials } from './types.ts';

/**
 * The embedded mock's demo project and key, offered by "Use demo credentials". Defined here,
 * outside the mock, so browser code can use them; the mock's key table reads them too.
 */
export const DEMO_CREDENTIALS = {
  projectId: 'demo-project',
  keyId: 'demo-key',
  keySecret: 'demo-secret',
} as const satisfies Credentials;

/** What snippets show in place of credentials the reader has not typed yet. */
export const PLACEHOLDER_CREDENTIALS = {
  projectId: 'YOUR_PROJECT_ID',
  keyId: 'YOUR_KEY_ID',
  keySecret: 'YOUR_KEY_SECRET',
} as const satisfies Credentials;

/** What snippets show in place of a bearer token that was not given. */
export const PLACEHOLDER_TOKEN = 'YOUR_API_TOKEN';

/** What snippets show in place of an API key that was not given. */
export const PLACEHOLDER_API_KEY = 'YOUR_API_KEY';

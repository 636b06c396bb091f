import { z } from 'astro/zod';
import { validateBasicCredentials } from '../request/basic.ts';
import { HTTP_METHODS, type HttpMethod, type HttpRequest } from '../request/types.ts';
import { ProxyError } from './errors.ts';

const MAX_TOKEN_LENGTH = 4096;
// RFC 6750 b64token.
const BEARER_TOKEN = /^[A-Za-z0-9._~+/-]+=*$/;

/** Schema of the POST /api/proxy body (the contract in ARCHITECTURE.md); method is checked separately for its own code. */
export const proxyRequestSchema = z.strictObject({
  method: z.string(),
  url: z.string(),
  headers: z.record(z.string(), z.string()),
  body: z.string().nullable(),
  auth: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('basic'), username: z.string(), password: z.string() }),
    z.strictObject({ type: z.literal('bearer'), token: z.string() }),
    z.strictObject({ type: z.literal('none') }),
  ]),
});

const BASIC_FIELDS: Record<string, string> = { keyId: 'auth.username', keySecret: 'auth.password' };

/** Parses and validates a proxy request body, refusing with a code and the field at fault. */
export function parseProxyRequest(json: unknown): HttpRequest {
  const result = proxyRequestSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue === undefined || issue.path.length === 0 ? 'request' : issue.path.join('.');
    throw new ProxyError('INVALID_REQUEST', {
      field,
      detail: `Field "${field}": ${issue?.message ?? 'invalid'}.`,
    });
  }
  const { method, auth, body } = result.data;
  if (!(HTTP_METHODS as readonly string[]).includes(method))
    throw new ProxyError('METHOD_NOT_ALLOWED', { field: 'method' });
  if (body !== null && method === 'GET')
    throw new ProxyError('BODY_NOT_ALLOWED', { field: 'body' });
  if (auth.type === 'basic') {
    const [problem] = validateBasicCredentials(auth.username, auth.password);
    if (problem !== undefined)
      throw new ProxyError('INVALID_CREDENTIALS', {
        field: BASIC_FIELDS[problem.field] ?? problem.field,
        detail: problem.message,
      });
  } else if (
    auth.type === 'bearer' &&
    (!BEARER_TOKEN.test(auth.token) || auth.token.length > MAX_TOKEN_LENGTH)
  ) {
    throw new ProxyError('INVALID_CREDENTIALS', {
      field: 'auth.token',
      detail: 'The token must be a single line of letters, digits and -._~+/ characters.',
    });
  }
  return { ...result.data, method: method as HttpMethod };
}

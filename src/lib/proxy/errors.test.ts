import { describe, expect, it } from 'vitest';
import {
  PROXY_ERRORS,
  PROXY_SECURITY_HEADERS,
  ProxyError,
  proxyErrorResponse,
  type ProxyErrorCode,
} from './errors.ts';

describe('PROXY_ERRORS', () => {
  it.each(Object.entries(PROXY_ERRORS))(
    '%s has a 4xx/5xx status, a message and a hint',
    (code, entry) => {
      expect(code).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
      expect(entry.status).toBeGreaterThanOrEqual(400);
      expect(entry.message.length).toBeGreaterThan(10);
      expect(entry.hint.length).toBeGreaterThan(10);
    },
  );

  it('renders an error with the security headers, the field and Retry-After', async () => {
    const response = proxyErrorResponse(
      new ProxyError('RATE_LIMITED' satisfies ProxyErrorCode, { field: 'x', retryAfterSeconds: 4 }),
    );
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('4');
    for (const [name, value] of Object.entries(PROXY_SECURITY_HEADERS))
      expect(response.headers.get(name)).toBe(value);
    expect(await response.json()).toEqual({
      error: {
        code: 'RATE_LIMITED',
        message: PROXY_ERRORS.RATE_LIMITED.message,
        hint: PROXY_ERRORS.RATE_LIMITED.hint,
        field: 'x',
      },
    });
  });
});

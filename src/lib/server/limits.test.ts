import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { refuseUnservedMethod, SERVER_LIMITS } from './limits.ts';

/** A response double recording what was written. */
function recorder() {
  const written = { status: 0, headers: {} as Record<string, unknown>, body: '' };
  const res = {
    writeHead(status: number, headers: Record<string, unknown>) {
      written.status = status;
      written.headers = headers;
      return res;
    },
    end(body: string) {
      written.body = body;
    },
  };
  return { res: res as unknown as ServerResponse, written };
}

describe('refuseUnservedMethod', () => {
  it.each(['TRACE', 'TRACK', 'CONNECT', 'PROPFIND', 'M-SEARCH'])(
    'answers %s with 501',
    (method) => {
      const { res, written } = recorder();
      expect(refuseUnservedMethod({ method } as IncomingMessage, res)).toBe(true);
      expect(written.status).toBe(501);
      expect(JSON.parse(written.body)).toMatchObject({ error: { code: 'METHOD_NOT_IMPLEMENTED' } });
    },
  );

  it.each(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])(
    'passes %s on untouched',
    (method) => {
      const { res, written } = recorder();
      expect(refuseUnservedMethod({ method } as IncomingMessage, res)).toBe(false);
      expect(written.status).toBe(0);
    },
  );
});

describe('SERVER_LIMITS', () => {
  it('gives a request more time than the proxy cap, and headers less', () => {
    expect(SERVER_LIMITS.requestTimeoutMs).toBeGreaterThan(15_000);
    expect(SERVER_LIMITS.headersTimeoutMs).toBeLessThanOrEqual(SERVER_LIMITS.requestTimeoutMs);
    expect(SERVER_LIMITS.connectionsCheckingIntervalMs).toBeLessThan(
      SERVER_LIMITS.headersTimeoutMs,
    );
  });
});

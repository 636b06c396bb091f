import type { IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  callProxy,
  makeProxy,
  proxyBody,
  SITE,
  startUpstream,
  type Upstream,
} from './proxy-support.ts';

const CANARY = 'CANARY-5f1d2c7e-do-not-leak';
const CANARY_BASE64 = btoa(`demo-key:${CANARY}`);
const basicCanary = { auth: { type: 'basic', username: 'demo-key', password: CANARY } };

let upstream: Upstream;
const upstreamHeaders: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  upstream = await startUpstream((req, res) => {
    upstreamHeaders.push(req.headers);
    if (req.url === '/stall') return;
    res.writeHead(req.url === '/deny' ? 401 : 200, {
      'content-type': 'application/json',
      'www-authenticate': 'Basic',
    });
    res.end('{"fine":true}');
  });
});
afterAll(() => upstream.close());

describe('canary secret never leaks', () => {
  it('appears only in the outgoing Authorization header, across every kind of outcome', async () => {
    const stdout: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      stdout.push(String(chunk));
      return true;
    });
    const stderrSpy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stdout.push(String(chunk));
      return true;
    });
    const { handler, logs } = makeProxy({
      extraOrigins: [upstream.origin],
      timeoutMs: 300,
      resolve: () => Promise.resolve([{ address: '10.0.0.1', family: 4 }]),
    });
    const mockUrl = `${SITE}/mock/numbers/v1/projects/demo-project/availableRegions`;
    const bodies = [
      proxyBody(`${upstream.origin}/ok`, basicCanary),
      proxyBody(`${upstream.origin}/deny`, basicCanary),
      proxyBody(`${upstream.origin}/stall`, basicCanary),
      proxyBody(`${upstream.origin}/q?secret=${CANARY}`, basicCanary),
      proxyBody(`https://evil.example/?secret=${CANARY}`, basicCanary),
      proxyBody(`https://${CANARY}.evil.example/`, basicCanary),
      proxyBody('https://numbers.api.sinch.com/v1', basicCanary),
      proxyBody(mockUrl, basicCanary),
      proxyBody(mockUrl, { auth: { type: 'bearer', token: CANARY } }),
      proxyBody(mockUrl, {
        auth: { type: 'basic', username: 'demo-key', password: `${CANARY}\r\n` },
      }),
      proxyBody(mockUrl, { auth: { type: 'basic', username: `${CANARY}:x`, password: 'p' } }),
      proxyBody(mockUrl, { ...basicCanary, method: 'TRACE' }),
      proxyBody(mockUrl, { ...basicCanary, headers: { Authorization: `Basic ${CANARY_BASE64}` } }),
      proxyBody(mockUrl, { ...basicCanary, headers: { Accept: `${CANARY}\n` } }),
      { ...proxyBody(mockUrl, basicCanary), extra: CANARY },
    ];
    const seen: string[] = [];
    try {
      for (const body of bodies) {
        const response = await callProxy(handler, body);
        const text = await response.text();
        const parsed = JSON.parse(text) as { error?: unknown; body?: string };
        seen.push(response.status >= 400 ? text : JSON.stringify(parsed.error ?? null));
        response.headers.forEach((value, name) => seen.push(`${name}: ${value}`));
      }
      const raw = await callProxy(handler, null, { raw: `{"auth":"${CANARY}"` });
      seen.push(await raw.text());
    } finally {
      spy.mockRestore();
      stderrSpy.mockRestore();
    }
    expect(logs.length).toBe(bodies.length + 1);
    for (const text of [...seen, ...logs, ...stdout]) {
      expect(text.toLowerCase()).not.toContain(CANARY.toLowerCase());
      expect(text).not.toContain(CANARY_BASE64);
    }
    // Positive control: the secret did travel, but only as the outgoing Authorization header.
    expect(upstreamHeaders.map((h) => h.authorization)).toContain(`Basic ${CANARY_BASE64}`);
    for (const headers of upstreamHeaders)
      for (const [name, value] of Object.entries(headers))
        if (name !== 'authorization') expect(String(value)).not.toContain(CANARY);
  });
});

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationModel } from '../../src/lib/openapi/types.ts';
import { buildRequest } from '../../src/lib/request/build.ts';
import { curlTarget } from '../../src/lib/snippets/curl/curl.ts';
import { startEchoServer, type EchoServer } from '../support/echo-server.ts';

const run = promisify(execFile);
let echo: EchoServer;
beforeAll(async () => {
  echo = await startEchoServer();
});
afterAll(() => echo.close());

const OPERATION: OperationModel = {
  id: 'search',
  method: 'POST',
  path: '/v1/projects/{projectId}/items/{item}:rent',
  summary: '',
  description: '',
  tags: [],
  deprecated: false,
  servers: [],
  parameters: [
    {
      name: 'projectId',
      in: 'path',
      required: true,
      description: '',
      schema: {},
      deprecated: false,
    },
    { name: 'item', in: 'path', required: true, description: '', schema: {}, deprecated: false },
    { name: 'q', in: 'query', required: false, description: '', schema: {}, deprecated: false },
    {
      name: 'tags',
      in: 'query',
      required: false,
      description: '',
      schema: { type: 'array' },
      deprecated: false,
    },
  ],
  requestBody: { contentType: 'application/json', required: false, schema: {} },
  security: ['basic'],
};

// Full Unicode (any code point, not lone surrogates), minus what a header cannot carry.
const text = fc.string({ unit: 'grapheme', maxLength: 40 });
const headerSafe = text.map((value) => value.replace(/[\u0000-\u001f\u007f]/g, ''));
const keyId = headerSafe.map((value) => value.replaceAll(':', '') || 'k');
const nonEmpty = text.filter((value) => value !== '');

describe('curl snippets round-trip random input through a real server', () => {
  it('credentials, path and query values, and JSON bodies arrive exactly', async () => {
    let counter = 0;
    await fc.assert(
      fc.asyncProperty(
        keyId,
        headerSafe,
        nonEmpty,
        nonEmpty,
        text,
        fc.array(nonEmpty, { maxLength: 3 }),
        fc.jsonValue(),
        async (username, password, projectId, item, q, tags, json) => {
          const base = `/prop-${++counter}`;
          const result = buildRequest({
            operation: OPERATION,
            serverUrl: echo.origin + base,
            params: { projectId, item, q, tags },
            body: JSON.stringify(json),
            auth: { type: 'basic', username, password },
          });
          if (projectId === '.' || projectId === '..' || item === '.' || item === '..') return;
          if (!result.ok) throw new Error(JSON.stringify(result.errors));
          const script = curlTarget.generate({
            request: result.value,
            auth: { type: 'basic', keyId: username, keySecret: password },
            credentialMode: 'inline',
            projectId,
          });
          await run('sh', ['-c', script]);
          const received = echo.received.find((entry) => entry.rawUrl.startsWith(`${base}/`));
          expect(received?.rawUrl).toBe(result.value.url.slice(echo.origin.length));
          expect(received?.basic).toEqual({ username, password });
          expect(received?.body.toString('utf8')).toBe(result.value.body);
          expect(decodeURIComponent(received!.rawUrl.split('/')[4]!)).toBe(projectId);
        },
      ),
      { numRuns: 300 },
    );
  }, 180_000);
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callProxy, makeProxy, SITE } from './proxy-support.ts';

// Nothing leaves the process: upstream sends are answered locally, and the own mock runs in process.
const { handler } = makeProxy({
  send: () =>
    Promise.resolve({
      status: 200,
      statusText: 'OK',
      headers: [['content-type', 'application/json']],
      body: new TextEncoder().encode('{"stub":true}'),
    }),
});

const field = <T>(value: fc.Arbitrary<T>) => fc.oneof(value, fc.anything());

const nearlyValid = fc.record(
  {
    method: field(fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'TRACE', '')),
    url: field(
      fc.oneof(
        fc.constantFrom(
          `${SITE}/mock/numbers/v1/projects/demo-project/availableRegions`,
          `${SITE}/mock/auth/oauth2/token`,
          'https://numbers.api.sinch.com/v1/projects/p/activeNumbers',
        ),
        fc.webUrl({ withQueryParameters: true, withFragments: true }),
        fc.string(),
      ),
    ),
    headers: field(fc.dictionary(fc.string(), fc.string())),
    body: field(fc.option(fc.string())),
    auth: field(
      fc.oneof(
        fc.record({ type: fc.constant('basic'), username: fc.string(), password: fc.string() }),
        fc.record({ type: fc.constant('bearer'), token: fc.string() }),
        fc.record({ type: fc.constant('none') }),
      ),
    ),
  },
  { requiredKeys: [] },
);

describe('property: random bodies', () => {
  it('never produce a 5xx or an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), nearlyValid), async (body) => {
        const response = await callProxy(handler, body);
        expect(response.status).toBeLessThan(500);
        const json = (await response.json()) as { error?: { code: string }; status?: number };
        expect(json.error?.code ?? json.status).toBeDefined();
      }),
      { numRuns: 400 },
    );
  });

  it('never produce a 5xx for random raw text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 2000 }), async (raw) => {
        const response = await callProxy(handler, null, { raw });
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { basicAuthorization } from '../request/basic.ts';
import { createMockHandler } from './handler.ts';

const BASE = 'http://localhost:4321/mock/numbers/v1/projects';
const DEMO = basicAuthorization('demo-key', 'demo-secret');
const CLIENT = '127.0.0.1';

function get(
  mock: ReturnType<typeof createMockHandler>,
  path: string,
  authorization: string | null = DEMO,
) {
  return mock(
    new Request(`${BASE}${path}`, { headers: authorization === null ? {} : { authorization } }),
    CLIENT,
  );
}

async function token(
  mock: ReturnType<typeof createMockHandler>,
  authorization = DEMO,
): Promise<Response> {
  return mock(
    new Request('http://localhost:4321/mock/auth/oauth2/token', {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    }),
    CLIENT,
  );
}

describe('mock authentication', () => {
  const mock = createMockHandler({ basicRateLimit: null });

  it.each([
    ['no credentials', null, 401],
    ['unknown key', basicAuthorization('nobody', 'demo-secret'), 401],
    ['wrong secret', basicAuthorization('demo-key', 'wrong'), 401],
    ['malformed header', 'Basic !!!', 401],
    ['unknown bearer token', 'Bearer mock_nope', 401],
    ['key of another project', basicAuthorization('other-key', 'other-secret'), 403],
    ['demo key', DEMO, 200],
  ])('%s → %i', async (_, authorization, status) => {
    const response = await get(mock, '/demo-project/availableRegions', authorization);
    expect(response.status).toBe(status);
    if (status === 401) expect(response.headers.get('www-authenticate')).toMatch(/^Basic /);
    if (status !== 200)
      expect((await response.json()) as unknown).toMatchObject({ error: { code: status } });
  });

  it('issues a Bearer token that the Numbers endpoints accept', async () => {
    const response = await token(mock);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      access_token: string;
      token_type: string;
      expires_in: number;
    };
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(
      (await get(mock, '/demo-project/availableRegions', `Bearer ${body.access_token}`)).status,
    ).toBe(200);
  });

  it.each([
    ['wrong secret', basicAuthorization('demo-key', 'x'), 'grant_type=client_credentials', 401],
    ['wrong grant', DEMO, 'grant_type=password', 400],
  ])('token endpoint refuses %s', async (_, authorization, body, status) => {
    const response = await mock(
      new Request('http://localhost:4321/mock/auth/oauth2/token', {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
        body,
      }),
      CLIENT,
    );
    expect(response.status).toBe(status);
  });
});

describe('mock Basic rate limit', () => {
  it('answers 429 with Retry-After after the limit, per key, and never limits Bearer tokens', async () => {
    let now = 0;
    const mock = createMockHandler({
      basicRateLimit: { limit: 3, windowMs: 60_000 },
      clock: () => now,
    });
    const bearer = ((await (await token(mock)).json()) as { access_token: string }).access_token;
    const statuses = [];
    for (let i = 0; i < 4; i += 1)
      statuses.push((await get(mock, '/demo-project/availableRegions')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    now = 30_000;
    const limited = await get(mock, '/demo-project/availableRegions');
    expect(limited.headers.get('retry-after')).toBe('30');
    expect(((await limited.json()) as { error: { status: string } }).error.status).toBe(
      'RESOURCE_EXHAUSTED',
    );
    for (let i = 0; i < 10; i += 1)
      expect((await get(mock, '/demo-project/availableRegions', `Bearer ${bearer}`)).status).toBe(
        200,
      );
    expect(
      (
        await get(
          mock,
          '/other-project/availableRegions',
          basicAuthorization('other-key', 'other-secret'),
        )
      ).status,
    ).toBe(200);
    now = 60_000;
    expect((await get(mock, '/demo-project/availableRegions')).status).toBe(200);
  });
});

describe('mock Numbers endpoints', () => {
  const mock = createMockHandler({ basicRateLimit: null });

  it.each([
    ['?type=LOCAL', ['regionCode']],
    ['?regionCode=US', ['type']],
    ['?regionCode=usa&type=LOCAL', ['regionCode']],
    ['?regionCode=US&type=CHEAP', ['type']],
    ['?regionCode=US&type=LOCAL&capabilities=FAX', ['capabilities']],
    ['?regionCode=US&type=LOCAL&numberPattern.pattern=abc', ['numberPattern.pattern']],
    [
      '?regionCode=US&type=LOCAL&numberPattern.searchPattern=MIDDLE',
      ['numberPattern.searchPattern'],
    ],
    ['?regionCode=US&type=LOCAL&size=0', ['size']],
    ['', ['regionCode', 'type']],
  ])('availableNumbers%s → 400 naming %j', async (query, fields) => {
    const response = await get(mock, `/demo-project/availableNumbers${query}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { status: string; details: { fieldViolations: { field: string }[] }[] };
    };
    expect(body.error.status).toBe('INVALID_ARGUMENT');
    expect(body.error.details[0]?.fieldViolations.map((v) => v.field)).toEqual(fields);
  });

  it('filters available numbers by region, type, capability, pattern and size', async () => {
    const response = await get(
      mock,
      '/demo-project/availableNumbers?regionCode=US&type=LOCAL&capabilities=SMS&numberPattern.pattern=%2B1202&numberPattern.searchPattern=START&size=3',
    );
    const { availableNumbers } = (await response.json()) as {
      availableNumbers: {
        phoneNumber: string;
        regionCode: string;
        type: string;
        capability: string[];
      }[];
    };
    expect(availableNumbers).toHaveLength(3);
    for (const n of availableNumbers) {
      expect(n).toMatchObject({ regionCode: 'US', type: 'LOCAL' });
      expect(n.phoneNumber).toMatch(/^\+1202\d{7}$/);
      expect(n.capability).toContain('SMS');
    }
  });

  it('finds one available number and 404s an unknown one', async () => {
    const list = (await (
      await get(mock, '/demo-project/availableNumbers?regionCode=SE&type=MOBILE')
    ).json()) as {
      availableNumbers: { phoneNumber: string }[];
    };
    const first = list.availableNumbers[0]?.phoneNumber ?? '';
    expect(
      (await get(mock, `/demo-project/availableNumbers/${encodeURIComponent(first)}`)).status,
    ).toBe(200);
    const missing = await get(mock, '/demo-project/availableNumbers/%2B15550000000');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { status: string } }).error.status).toBe(
      'NOT_FOUND',
    );
  });

  it('pages active numbers with pageSize and pageToken until the end', async () => {
    const seen: string[] = [];
    let token = '';
    let total = 0;
    for (let page = 0; page < 20; page += 1) {
      const response = await get(
        mock,
        `/demo-project/activeNumbers?pageSize=5&pageToken=${encodeURIComponent(token)}`,
      );
      const body = (await response.json()) as {
        activeNumbers: { phoneNumber: string }[];
        nextPageToken: string;
        totalSize: number;
      };
      total = body.totalSize;
      seen.push(...body.activeNumbers.map((n) => n.phoneNumber));
      token = body.nextPageToken;
      if (token === '') break;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(total).toBeGreaterThan(5);
    expect((await get(mock, '/demo-project/activeNumbers?pageToken=bogus')).status).toBe(400);
  });

  it('gets and patches an active number, validating the body', async () => {
    const list = (await (await get(mock, '/demo-project/activeNumbers?pageSize=1')).json()) as {
      activeNumbers: { phoneNumber: string }[];
    };
    const path = `/demo-project/activeNumbers/${encodeURIComponent(list.activeNumbers[0]?.phoneNumber ?? '')}`;
    const patch = (body: string) =>
      mock(
        new Request(`${BASE}${path}`, {
          method: 'PATCH',
          headers: { authorization: DEMO, 'content-type': 'application/json' },
          body,
        }),
        CLIENT,
      );
    expect((await patch('{"displayName": 5}')).status).toBe(400);
    expect((await patch('not json')).status).toBe(400);
    expect((await patch('{"colour": "red"}')).status).toBe(400);
    const updated = await patch(
      '{"displayName":"Support line","smsConfiguration":{"servicePlanId":"plan1"}}',
    );
    expect(updated.status).toBe(200);
    const fetched = (await (await get(mock, path)).json()) as {
      displayName: string;
      smsConfiguration: unknown;
    };
    expect(fetched).toMatchObject({
      displayName: 'Support line',
      smsConfiguration: { servicePlanId: 'plan1' },
    });
    expect((await get(mock, '/demo-project/activeNumbers/%2B15550000000')).status).toBe(404);
  });

  it.each([
    ['DELETE', '/demo-project/availableNumbers', 405],
    ['GET', '/demo-project/unknownThing', 404],
  ])('%s %s → %i', async (method, path, status) => {
    expect(
      (
        await mock(
          new Request(`${BASE}${path}`, { method, headers: { authorization: DEMO } }),
          CLIENT,
        )
      ).status,
    ).toBe(status);
  });

  it('returns the same data on every run', async () => {
    const a = await (
      await get(createMockHandler({ basicRateLimit: null }), '/demo-project/activeNumbers')
    ).text();
    const b = await (
      await get(createMockHandler({ basicRateLimit: null }), '/demo-project/activeNumbers')
    ).text();
    expect(a).toBe(b);
  });
});

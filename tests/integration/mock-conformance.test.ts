import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMockHandler } from '../../src/lib/mock/handler.ts';
import { basicAuthorization } from '../../src/lib/request/basic.ts';

const SPEC = path.resolve(
  import.meta.dirname,
  '../../../shared/fixtures/sinch-openapi/numbers.yaml',
);
const BASE = 'http://localhost:4321/mock/numbers/v1/projects/demo-project';
const DEMO = basicAuthorization('demo-key', 'demo-secret');

type Schema = Record<string, unknown>;

/** Names of component schemas used as `allOf` parts; closing those would reject their siblings' fields. */
function allOfParts(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) allOfParts(item, found);
  else if (typeof node === 'object' && node !== null) {
    const schema = node as Schema;
    if (Array.isArray(schema.allOf))
      for (const part of schema.allOf as Schema[])
        if (typeof part.$ref === 'string')
          found.add(part.$ref.replace('#/components/schemas/', ''));
    for (const value of Object.values(schema)) allOfParts(value, found);
  }
  return found;
}

/** Forbids properties the spec does not list, so extra mock fields fail too (allOf parts stay open). */
function closeObjects(node: unknown, open: boolean): void {
  if (Array.isArray(node)) for (const item of node) closeObjects(item, open);
  else if (typeof node === 'object' && node !== null) {
    const schema = node as Schema;
    if (
      !open &&
      schema.type === 'object' &&
      schema.properties !== undefined &&
      schema.additionalProperties === undefined
    )
      schema.additionalProperties = false;
    for (const [key, value] of Object.entries(schema)) closeObjects(value, key === 'allOf');
  }
}

function validatorFor() {
  const document = parse(readFileSync(SPEC, 'utf8')) as { components: { schemas: Schema } };
  const parts = allOfParts(document.components.schemas);
  for (const [name, schema] of Object.entries(document.components.schemas))
    closeObjects(schema, parts.has(name));
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'numbers', components: document.components }, 'numbers');
  return (schemaName: string, data: unknown) => {
    const validate = ajv.getSchema(`numbers#/components/schemas/${schemaName}`);
    if (validate === undefined) throw new Error(`No schema ${schemaName}`);
    return validate(data)
      ? []
      : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
  };
}

const hasSpec = existsSync(SPEC);

describe.skipIf(!hasSpec)(
  `mock conformance with the real Sinch Numbers OpenAPI document${hasSpec ? '' : ` (skipped: ${path.relative(process.cwd(), SPEC)} is absent)`}`,
  () => {
    // Read when the tests run, not when they are collected: a skipped suite is still collected.
    let check: ReturnType<typeof validatorFor>;
    beforeAll(() => {
      check = validatorFor();
    });
    const mock = createMockHandler({ basicRateLimit: null });
    const call = async (pathAndQuery: string, init: RequestInit = {}) => {
      const response = await mock(
        new Request(`${BASE}${pathAndQuery}`, {
          ...init,
          headers: { authorization: DEMO, ...init.headers },
        }),
        '127.0.0.1',
      );
      return { status: response.status, body: (await response.json()) as unknown };
    };

    it.each([
      ['/availableNumbers?regionCode=US&type=LOCAL', 200, 'ListAvailableNumbersResponse'],
      [
        '/availableNumbers?regionCode=GB&type=MOBILE&capabilities=SMS',
        200,
        'ListAvailableNumbersResponse',
      ],
      ['/availableNumbers?regionCode=DE&type=LOCAL&size=2', 200, 'ListAvailableNumbersResponse'],
      ['/availableNumbers?regionCode=SE&type=MOBILE', 200, 'ListAvailableNumbersResponse'],
      ['/availableNumbers/%2B12025550107', 200, 'AvailableNumber'],
      ['/availableRegions', 200, 'ListAvailableRegionsResponse'],
      ['/activeNumbers?pageSize=3', 200, 'ListActiveNumbersResponse'],
      ['/activeNumbers/%2B12025550100', 200, 'ActiveNumberResponse'],
      ['/availableNumbers?regionCode=usa&type=CHEAP', 400, 'InvalidArgument'],
      ['/activeNumbers/%2B10000000000', 404, 'NotFound'],
      ['/availableNumbers/%2B10000000000', 404, 'NotFound'],
    ])('%s → %i matches %s', async (pathAndQuery, status, schema) => {
      const { status: actual, body } = await call(pathAndQuery);
      expect(actual).toBe(status);
      expect(check(schema, body)).toEqual([]);
    });

    it('PATCH returns an ActiveNumberResponse', async () => {
      const { status, body } = await call('/activeNumbers/%2B12025550100', {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          displayName: 'Sales',
          smsConfiguration: { servicePlanId: 'abc', campaignId: 'c1' },
        }),
      });
      expect(status).toBe(200);
      expect(check('ActiveNumberResponse', body)).toEqual([]);
    });

    it('the validator does reject a wrong shape', () => {
      expect(
        check('AvailableNumber', { phoneNumber: 1, type: 'PAGER', extra: true }).length,
      ).toBeGreaterThan(0);
    });
  },
);

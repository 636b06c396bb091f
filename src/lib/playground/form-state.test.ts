import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadOpenApiDocument } from '../openapi/load.ts';
import { toOperationModels } from '../openapi/operations.ts';
import type { OperationModel } from '../openapi/types.ts';
import { DEMO_CREDENTIALS, PLACEHOLDER_CREDENTIALS } from '../request/sample-credentials.ts';
import {
  bodyTextSchema,
  chosenMediaType,
  credentialProblems,
  exampleBody,
  initialFormState,
  initialServer,
  linkedForm,
  playgroundRequest,
  responseTypeName,
  SECRET_MASK,
  shareLink,
  snippetInput,
  type FormState,
} from './form-state.ts';
import type { PlaygroundModel } from './props.ts';

const ORIGIN = 'https://docs.example.com';
let operations: Map<string, OperationModel>;

beforeAll(async () => {
  const document = await loadOpenApiDocument(
    resolve(import.meta.dirname, '../../openapi/numbers.yaml'),
  );
  operations = new Map(toOperationModels(document).map((model) => [model.id, model]));
});

/** A model for one of our Numbers operations with the given props. */
function model(
  id: string,
  props: Partial<Omit<PlaygroundModel, 'operation'>> = {},
): PlaygroundModel {
  const operation = operations.get(id);
  if (!operation) throw new Error(`no operation ${id}`);
  return { operation, defaults: {}, server: 'mock', auth: 'basic', ...props };
}

/** The list operation's initial form with some fields changed. */
function listForm(changes: Partial<FormState> = {}): { list: PlaygroundModel; state: FormState } {
  const list = model('listAvailableNumbers', { defaults: { regionCode: 'US', type: 'LOCAL' } });
  return { list, state: { ...initialFormState(list), ...changes } };
}

describe('initial form', () => {
  it('selects the mock, or the first Sinch server when the props ask for Sinch', () => {
    expect(initialServer(model('listAvailableNumbers'))).toBe('mock');
    expect(initialServer(model('listAvailableNumbers', { server: 'sinch' }))).toBe(
      'https://numbers.api.sinch.com',
    );
  });

  it('starts with no credentials, the defaults and the example body', () => {
    const update = model('updateActiveNumber', { defaults: { phoneNumber: '+12025550134' } });
    const state = initialFormState(update);
    expect(state.credentials).toEqual({ projectId: '', keyId: '', keySecret: '' });
    expect(state.params).toEqual({ phoneNumber: '+12025550134' });
    expect(state.body).toBe(exampleBody(update));
    expect(JSON.parse(state.body ?? '')).toBeTypeOf('object');
    expect(initialFormState(model('listAvailableNumbers')).body).toBeNull();
  });
});

describe('snippetInput', () => {
  it('fills empty credentials with placeholders and carries the response type', () => {
    const { list, state } = listForm();
    const input = snippetInput(list, state, ORIGIN, false);
    if (!input.ok) throw new Error(JSON.stringify(input.errors));
    expect(input.value.request.url).toBe(
      `${ORIGIN}/mock/numbers/v1/projects/${PLACEHOLDER_CREDENTIALS.projectId}/availableNumbers?regionCode=US&type=LOCAL`,
    );
    expect(input.value.auth).toEqual({
      type: 'basic',
      keyId: PLACEHOLDER_CREDENTIALS.keyId,
      keySecret: PLACEHOLDER_CREDENTIALS.keySecret,
    });
    expect(input.value.responseTypeName).toBe('ListAvailableNumbersResponse');
    expect(input.value.responseSchema).toBe(list.operation.responseSchema);
    expect(input.value.credentialMode).toBe('inline');
  });

  it.each([
    ['masked on screen', false, false, SECRET_MASK],
    ['revealed on screen', false, true, DEMO_CREDENTIALS.keySecret],
    ['in clear for Copy', true, false, DEMO_CREDENTIALS.keySecret],
  ])('writes a typed secret %s', (_name, forCopy, revealSecret, expected) => {
    const { list, state } = listForm({ credentials: { ...DEMO_CREDENTIALS }, revealSecret });
    const input = snippetInput(list, state, ORIGIN, forCopy);
    expect(input.ok && input.value.auth).toMatchObject({ keySecret: expected });
  });

  it('uses the mock token URL in OAuth2 mode and environment variables when asked', () => {
    const { list, state } = listForm({ authMode: 'oauth2', useEnv: true });
    const input = snippetInput(list, state, ORIGIN, false);
    expect(input.ok && input.value.auth).toMatchObject({
      type: 'oauth2',
      tokenUrl: `${ORIGIN}/mock/auth/oauth2/token`,
    });
    expect(input.ok && input.value.credentialMode).toBe('env');
  });

  it('names the field at fault when a parameter breaks the request', () => {
    const { list, state } = listForm({ params: { type: 'LOCAL' } });
    const input = snippetInput(list, state, ORIGIN, false);
    expect(input.ok ? [] : input.errors.map((error) => error.field)).toEqual(['regionCode']);
  });
});

describe('snippetInput for a token, an API key or no auth', () => {
  /** The list form with its operation re-declared with one other scheme. */
  function keyed(
    scheme: NonNullable<OperationModel['securitySchemes']>[number] | null,
    changes: Partial<FormState>,
  ) {
    const { list, state } = listForm(changes);
    const operation = {
      ...list.operation,
      security: [],
      securitySchemes: scheme ? [scheme] : [],
    };
    return { model: { ...list, operation }, state };
  }
  const HEADER = { name: 'key', type: 'apiKey', in: 'header', parameterName: 'X-Api-Key' } as const;
  const QUERY = { name: 'key', type: 'apiKey', in: 'query', parameterName: 'api_key' } as const;

  it.each([
    {
      name: 'a placeholder token until one is typed',
      scheme: { name: 'bearerAuth', type: 'bearer' } as const,
      changes: { authMode: 'bearer' } as const,
      forCopy: false,
      auth: { type: 'bearer', token: 'YOUR_API_TOKEN' },
    },
    {
      name: 'a typed token masked on screen',
      scheme: { name: 'bearerAuth', type: 'bearer' } as const,
      changes: { authMode: 'bearer', token: 'tok-1' } as const,
      forCopy: false,
      auth: { type: 'bearer', token: SECRET_MASK },
    },
    {
      name: 'a typed token in clear for Copy',
      scheme: { name: 'bearerAuth', type: 'bearer' } as const,
      changes: { authMode: 'bearer', token: 'tok-1' } as const,
      forCopy: true,
      auth: { type: 'bearer', token: 'tok-1' },
    },
    {
      name: 'a header API key under its declared name',
      scheme: HEADER,
      changes: { authMode: 'apiKey', apiKey: 'k-1', revealSecret: true } as const,
      forCopy: false,
      auth: { type: 'apiKey', in: 'header', name: 'X-Api-Key', key: 'k-1' },
    },
    {
      name: 'a query API key placeholder',
      scheme: QUERY,
      changes: { authMode: 'apiKey' } as const,
      forCopy: false,
      auth: { type: 'apiKey', in: 'query', name: 'api_key', key: 'YOUR_API_KEY' },
    },
    {
      name: 'no auth for an operation without security',
      scheme: null,
      changes: { authMode: 'none' } as const,
      forCopy: false,
      auth: { type: 'none' },
    },
  ])('$name', ({ scheme, changes, forCopy, auth }) => {
    const { model: keyedModel, state } = keyed(scheme, changes);
    const input = snippetInput(keyedModel, state, ORIGIN, forCopy);
    if (!input.ok) throw new Error(JSON.stringify(input.errors));
    expect(input.value.auth).toEqual(auth);
    // The key is written by the snippet's auth code, never baked into the request it describes.
    expect(input.value.request.url).not.toContain('api_key');
    expect(Object.keys(input.value.request.headers)).not.toContain('X-Api-Key');
  });

  it('starts a Bearer-only operation in Bearer mode', () => {
    const { model: keyedModel } = keyed({ name: 'bearerAuth', type: 'bearer' }, {});
    expect(initialFormState(keyedModel).authMode).toBe('bearer');
  });
});

describe('playgroundRequest', () => {
  it('sends only what was typed: no placeholders', () => {
    const { list, state } = listForm();
    const { result } = playgroundRequest(list, state, ORIGIN, { forSend: true });
    expect(result.ok ? [] : result.errors.map((error) => error.field)).toContain('projectId');
  });

  it('sends to the chosen Sinch server with the given auth', () => {
    const { list, state } = listForm({
      server: 'https://numbers.api.sinch.com',
      credentials: { ...DEMO_CREDENTIALS },
    });
    const { result } = playgroundRequest(list, state, ORIGIN, {
      forSend: true,
      auth: { type: 'bearer', token: 'abc' },
    });
    expect(result.ok && result.value).toMatchObject({
      url: 'https://numbers.api.sinch.com/v1/projects/demo-project/availableNumbers?regionCode=US&type=LOCAL',
      auth: { type: 'bearer', token: 'abc' },
    });
  });
});

describe('credentialProblems', () => {
  it.each([
    ['nothing typed', '', '', []],
    ['valid key', 'demo-key', 'demo-secret', []],
    ['colon in the key ID', 'key:id', 'secret', ['keyId']],
    ['only a secret typed', '', 'secret', []],
    ['line break in the secret', 'demo-key', 'a\nb', ['keySecret']],
  ])('%s', (_name, keyId, keySecret, fields) => {
    const problems = credentialProblems({ projectId: '', keyId, keySecret });
    expect(problems.map((problem) => problem.field)).toEqual(fields);
  });
});

describe('share link', () => {
  it('round-trips server, auth and parameters, never credentials', () => {
    const { list, state } = listForm({
      authMode: 'oauth2',
      credentials: { ...DEMO_CREDENTIALS },
      params: { regionCode: 'SE', capabilities: ['SMS', 'VOICE'] },
    });
    const hash = shareLink(list, state);
    expect(hash).not.toMatch(/demo-(key|secret|project)/);
    expect(linkedForm(list, hash, ['mock'])).toEqual({
      server: 'mock',
      authMode: 'oauth2',
      params: { regionCode: 'SE', capabilities: ['SMS', 'VOICE'] },
      serverVariables: {},
      mediaType: null,
      example: null,
    });
  });

  it('ignores a link for another operation and a server this playground does not offer', () => {
    const { list, state } = listForm({ server: 'https://elsewhere.example.com' });
    const hash = shareLink(list, state);
    expect(linkedForm(model('getActiveNumber'), hash, ['mock'])).toBeNull();
    expect(linkedForm(list, hash, ['mock'])?.server).toBeNull();
  });
});

describe('responseTypeName', () => {
  it.each([
    ['listAvailableNumbers', 'ListAvailableNumbersResponse'],
    ['x', 'XResponse'],
  ])('%s → %s', (id, name) => expect(responseTypeName(id)).toBe(name));
});

describe('server variables, media types and files', () => {
  let fax: OperationModel;
  let templates: OperationModel;

  beforeAll(async () => {
    const load = async (name: string): Promise<OperationModel[]> =>
      toOperationModels(
        await loadOpenApiDocument(resolve(import.meta.dirname, `../../openapi/${name}`)),
      );
    fax = (await load('fax.yaml')).find((model) => model.id === 'sendFax')!;
    templates = (await load('template-management.yaml')).find((m) => m.id === 'listTemplates')!;
  });

  /** The initial form of an operation on a server, with some fields changed. */
  const form = (
    operation: OperationModel,
    changes: Partial<FormState>,
  ): { model: PlaygroundModel; state: FormState } => {
    const model: PlaygroundModel = { operation, defaults: {}, server: 'mock', auth: 'basic' };
    const state: FormState = {
      ...initialFormState(model),
      credentials: { ...DEMO_CREDENTIALS },
      ...changes,
    };
    return { model, state };
  };

  it.each([
    ['the default region on the mock', 'mock', {}, `${ORIGIN}/mock/template/us/v2/`],
    ['a picked region on the mock', 'mock', { region: 'eu' }, `${ORIGIN}/mock/template/eu/v2/`],
    [
      'a picked region on Sinch',
      'https://us.template.api.sinch.com',
      { region: 'br' },
      'https://br.template.api.sinch.com/v2/',
    ],
  ])('applies %s to the request', (_name, server, serverVariables, prefix) => {
    const { model, state } = form(templates, { server, serverVariables });
    const { result } = playgroundRequest(model, state, ORIGIN, { forSend: true });
    expect(result.ok && result.value.url).toMatch(new RegExp(`^${prefix}projects/demo-project/`));
  });

  it('restores a linked region, media type and example; drops values the operation does not have', () => {
    const regional = form(templates, { serverVariables: { region: 'eu' } });
    const hash = shareLink(regional.model, regional.state);
    expect(linkedForm(regional.model, hash, ['mock'])?.serverVariables).toEqual({ region: 'eu' });
    const unknown = hash.replace('v.region=eu', 'v.region=mars');
    expect(linkedForm(regional.model, unknown, ['mock'])?.serverVariables).toEqual({});

    const multipart = form(fax, { mediaType: 'multipart/form-data' });
    const faxHash = shareLink(multipart.model, multipart.state);
    expect(linkedForm(multipart.model, faxHash, ['mock'])).toMatchObject({
      mediaType: 'multipart/form-data',
      example: null,
    });
    const bogus = `${faxHash.replace('multipart%2Fform-data', 'text%2Fplain')}&example=nope`;
    expect(linkedForm(multipart.model, bogus, ['mock'])).toMatchObject({
      mediaType: null,
      example: null,
    });
  });

  it('sends the picked media type, a chosen file as bytes and names a missing one', () => {
    const bytes = new Uint8Array([37, 80, 68, 70]);
    const { model, state } = form(fax, {
      mediaType: 'multipart/form-data',
      body: '{"to":"+19898989898"}',
      files: { file: { path: 'a.pdf', bytes, contentType: 'application/pdf' } },
    });
    const { result } = playgroundRequest(model, state, ORIGIN, { forSend: true });
    expect(result.ok && result.value.headers['Content-Type']).toMatch(/^multipart\/form-data;/);
    expect(result.ok && atob(result.value.body!)).toContain('filename="a.pdf"');
    const missing = playgroundRequest(model, { ...state, files: {} }, ORIGIN, { forSend: true });
    expect(missing.result.ok || missing.result.errors).toEqual([
      { field: 'file', message: 'file needs a file.' },
    ]);
  });

  it('checks the typed fields of a multipart body without its file fields', () => {
    const multipart = chosenMediaType(fax, 'multipart/form-data');
    const schema = bodyTextSchema(multipart);
    expect(schema.required).toEqual(['to']);
    expect(schema.properties).not.toHaveProperty('file');
    expect(schema.properties).toHaveProperty('to');
    const json = chosenMediaType(fax, undefined);
    expect(bodyTextSchema(json)).toBe(json?.schema);
    expect(bodyTextSchema(undefined)).toEqual({});
  });

  it('names a placeholder path in snippets until a file is picked', () => {
    const { model, state } = form(fax, { mediaType: 'multipart/form-data', body: '{}' });
    const input = snippetInput(model, state, ORIGIN, false);
    expect(input.ok && input.value.content).toEqual({
      kind: 'multipart',
      parts: [{ name: 'file', path: './file', contentType: 'application/octet-stream' }],
    });
  });
});

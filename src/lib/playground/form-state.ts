/**
 * The form of one playground as plain data, and what follows from it: the request shown and
 * sent, the one snippet input (used at build time and in the browser), inline checks, and the
 * state a share link restores. No DOM here; the element reads and writes fields around it.
 */
import type { JsonSchema, MediaTypeModel, OperationModel } from '../openapi/types.ts';
import { validateBasicCredentials } from '../request/basic.ts';
import { prepareRequest, type BuildInput, type PreparedRequest } from '../request/build.ts';
import type { FieldError, Result } from '../request/errors.ts';
import {
  PLACEHOLDER_API_KEY,
  PLACEHOLDER_CREDENTIALS,
  PLACEHOLDER_TOKEN,
} from '../request/sample-credentials.ts';
import type {
  Credentials,
  FileInput,
  HttpRequest,
  ParameterValues,
  RequestAuth,
} from '../request/types.ts';
import type { SnippetAuth, SnippetInput } from '../snippets/types.ts';
import { apiKeyScheme, authChoices, initialAuth, type AuthChoice } from './auth.ts';
import type { PlaygroundModel } from './props.ts';
import {
  chosenServer,
  MOCK_SERVER,
  serverUrlFor,
  serverVariableValues,
  sinchTokenUrl,
  tokenUrlFor,
} from './servers.ts';
import { decodeSharedState, encodeSharedState } from './share-link.ts';

/** Everything a reader has set in one playground. */
export interface FormState {
  /** `mock`, or one of the operation's server URLs. */
  server: string;
  authMode: AuthChoice;
  credentials: Credentials;
  /** The Bearer API token typed (`bearer` mode); kept in memory only. */
  token?: string;
  /** The API key typed (`apiKey` mode); kept in memory only. */
  apiKey?: string;
  params: ParameterValues;
  /** The body text, or null when the operation takes none. */
  body: string | null;
  /** Values picked for the chosen server's variables, by name; defaults fill the rest. */
  serverVariables?: Readonly<Record<string, string>>;
  /** The request media type picked, when the operation offers several. */
  mediaType?: string;
  /** The name of the body example picked, when the media type has several. */
  example?: string;
  /** Files chosen for the body's file fields, by field name (`body` for a binary body). */
  files?: Readonly<Record<string, FileInput>>;
  /** Snippets read credentials from SINCH_* environment variables. */
  useEnv: boolean;
  /** The reader chose to see the key secret in clear. */
  revealSecret: boolean;
}

/** Shown instead of the key secret in snippets until the reader reveals it. */
export const SECRET_MASK = '••••••••';

/** The server choice selected on load. */
export function initialServer(model: PlaygroundModel): string {
  return model.server === 'mock' ? MOCK_SERVER : (model.operation.servers[0]?.url ?? MOCK_SERVER);
}

/** The example body of an operation as editable text, or null when it takes no body. */
export function exampleBody(model: PlaygroundModel): string | null {
  const spec = model.operation.requestBody;
  if (!spec) return null;
  if (spec.example === undefined) return '';
  return exampleText(spec.example);
}

/** An example value as the body editor holds it: text as it is, anything else as indented JSON. */
export function exampleText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

/** The request media type in use: the picked one, else the operation's preferred one. */
export function chosenMediaType(
  operation: OperationModel,
  mediaType: string | undefined,
): MediaTypeModel | undefined {
  const spec = operation.requestBody;
  const wanted = mediaType ?? spec?.contentType;
  return spec?.contents?.find((media) => media.contentType === wanted);
}

/** The fields of a media type that take a file: its file parts, or `body` for a binary body. */
export function fileFieldNames(media: MediaTypeModel | undefined): string[] {
  if (media?.kind === 'binary') return ['body'];
  return (media?.fileFields ?? []).map((field) => field.name);
}

/**
 * The schema the body text is checked against in the editor: the media type's, with a form
 * body's file fields left out (they are picked as files, not typed).
 */
export function bodyTextSchema(media: MediaTypeModel | undefined): JsonSchema {
  if (!media) return {};
  const files = new Set(fileFieldNames(media));
  if (media.kind === 'binary' || files.size === 0) return media.schema;
  const properties = Object.entries(media.schema.properties ?? {});
  return {
    ...media.schema,
    properties: Object.fromEntries(properties.filter(([name]) => !files.has(name))),
    required: (media.schema.required ?? []).filter((name) => !files.has(name)),
  };
}

/** The local path snippets name for a file field until the reader picks a file. */
export function placeholderFilePath(field: string): string {
  return `./${field}`;
}

/** The form as the page is built: no credentials, the props' server, auth and defaults. */
export function initialFormState(model: PlaygroundModel): FormState {
  return {
    server: initialServer(model),
    authMode: initialAuth(model),
    credentials: { projectId: '', keyId: '', keySecret: '' },
    params: { ...model.defaults },
    body: exampleBody(model),
    useEnv: false,
    revealSecret: false,
  };
}

/** A built request with the credentials it was made with (placeholders where allowed). */
export interface PlaygroundRequest {
  result: Result<HttpRequest>;
  /** The URL in parts and the body as snippets write it, when the request could be built. */
  parts?: Pick<PreparedRequest, 'url' | 'content'>;
  projectId: string;
  keyId: string;
  keySecret: string;
}

/** The chosen files, a placeholder path standing in for each file field without one. */
function filesForDisplay(model: PlaygroundModel, state: FormState): Record<string, FileInput> {
  const fields = fileFieldNames(chosenMediaType(model.operation, state.mediaType));
  return Object.fromEntries(
    fields.map((field) => [field, state.files?.[field] ?? { path: placeholderFilePath(field) }]),
  );
}

/**
 * How the form's request authenticates. Basic for the access-key modes (OAuth2 replaces it with
 * the fetched token when sending), the typed token, or nothing; the API key travels where the
 * document declares it, only when sending (snippets write it themselves, see `snippetInput`).
 */
function formAuth(
  model: PlaygroundModel,
  state: FormState,
  forSend: boolean,
  key: { keyId: string; keySecret: string },
): Pick<BuildInput, 'auth' | 'apiKey'> {
  if (state.authMode === 'bearer')
    return { auth: { type: 'bearer', token: filled(state.token, PLACEHOLDER_TOKEN, forSend) } };
  if (state.authMode === 'none') return { auth: { type: 'none' } };
  if (state.authMode === 'apiKey') {
    const scheme = apiKeyScheme(model.operation);
    if (!scheme || !forSend) return { auth: { type: 'none' } };
    return {
      auth: { type: 'none' },
      apiKey: { in: scheme.in, name: scheme.parameterName, value: state.apiKey ?? '' },
    };
  }
  return { auth: { type: 'basic', username: key.keyId, password: key.keySecret } };
}

/** A typed value, or for display only, the placeholder when nothing is typed. */
function filled(value: string | undefined, placeholder: string, forSend: boolean): string {
  return forSend || (value ?? '') !== '' ? (value ?? '') : placeholder;
}

/**
 * Builds the request of a form. For sending, only the typed values count; for display,
 * placeholders stand in for empty credentials. `auth` replaces Basic (e.g. a fetched token).
 */
export function playgroundRequest(
  model: PlaygroundModel,
  state: FormState,
  origin: string,
  options: { forSend: boolean; auth?: RequestAuth },
): PlaygroundRequest {
  const { credentials } = state;
  const fill = (value: string, placeholder: string): string =>
    options.forSend || value !== '' ? value : placeholder;
  const projectId = fill(credentials.projectId, PLACEHOLDER_CREDENTIALS.projectId);
  const keyId = fill(credentials.keyId, PLACEHOLDER_CREDENTIALS.keyId);
  const keySecret =
    options.forSend || credentials.keyId !== ''
      ? credentials.keySecret
      : PLACEHOLDER_CREDENTIALS.keySecret;
  const files = options.forSend ? (state.files ?? {}) : filesForDisplay(model, state);
  const prepared = prepareRequest({
    operation: model.operation,
    serverUrl: serverUrlFor(state.server, model.operation, origin),
    serverVariables: serverVariableValues(
      model.operation,
      state.server,
      state.serverVariables ?? {},
    ),
    params: { ...state.params, projectId },
    body: state.body,
    ...(state.mediaType ? { mediaType: state.mediaType } : {}),
    ...(Object.keys(files).length > 0 ? { files } : {}),
    ...formAuth(model, state, options.forSend, { keyId, keySecret }),
    ...(options.auth ? { auth: options.auth } : {}),
  });
  if (!prepared.ok) return { result: prepared, projectId, keyId, keySecret };
  const { request, url, content } = prepared.value;
  return {
    result: { ok: true, value: request },
    parts: { url, content },
    projectId,
    keyId,
    keySecret,
  };
}

/** Name of the response type in typed snippets, e.g. `ListAvailableNumbersResponse`. */
export function responseTypeName(operationId: string): string {
  return `${operationId.slice(0, 1).toUpperCase()}${operationId.slice(1)}Response`;
}

/** The snippet's auth for the form's choice, secrets already masked by `shown`. */
function snippetAuth(
  model: PlaygroundModel,
  state: FormState,
  origin: string,
  values: { keyId: string; secret: string; shown: (value: string, placeholder: string) => string },
): SnippetAuth {
  const { keyId, secret, shown } = values;
  switch (state.authMode) {
    case 'oauth2':
      return {
        type: 'oauth2',
        keyId,
        keySecret: secret,
        tokenUrl: tokenUrlFor(
          state.server,
          sinchTokenUrl(model.operation),
          origin,
          serverVariableValues(model.operation, state.server, state.serverVariables ?? {}),
        ),
      };
    case 'bearer':
      return {
        type: 'bearer',
        token: shown(filled(state.token, PLACEHOLDER_TOKEN, false), PLACEHOLDER_TOKEN),
      };
    case 'apiKey': {
      const scheme = apiKeyScheme(model.operation);
      if (!scheme) return { type: 'none' };
      const key = shown(filled(state.apiKey, PLACEHOLDER_API_KEY, false), PLACEHOLDER_API_KEY);
      return { type: 'apiKey', in: scheme.in, name: scheme.parameterName, key };
    }
    case 'none':
      return { type: 'none' };
    default:
      return { type: 'basic', keyId, keySecret: secret };
  }
}

/**
 * The one snippet input of a form, used for the build-time snippet and for every re-render in
 * the browser. `forCopy` writes the real secret; otherwise it is masked unless revealed.
 */
export function snippetInput(
  model: PlaygroundModel,
  state: FormState,
  origin: string,
  forCopy: boolean,
): Result<SnippetInput> {
  const { result, parts, projectId, keyId, keySecret } = playgroundRequest(model, state, origin, {
    forSend: false,
  });
  if (!result.ok) return result;
  // A typed secret is masked until revealed (or copied); placeholders show as they are.
  const shown = (value: string, placeholder: string): string =>
    forCopy || state.revealSecret || value === placeholder || value === '' ? value : SECRET_MASK;
  const secret = shown(keySecret, PLACEHOLDER_CREDENTIALS.keySecret);
  const auth = snippetAuth(model, state, origin, { keyId, secret, shown });
  const { responseSchema } = model.operation;
  return {
    ok: true,
    value: {
      request: result.value,
      ...parts,
      auth,
      credentialMode: state.useEnv ? 'env' : 'inline',
      projectId,
      ...(responseSchema ? { responseSchema } : {}),
      responseTypeName: responseTypeName(model.operation.id),
    },
  };
}

/**
 * Problems with the credentials typed so far, shown as the reader types: nothing while both
 * fields are empty, and no complaint about an empty key ID while only the secret is typed.
 */
export function credentialProblems(credentials: Credentials): FieldError[] {
  const { keyId, keySecret } = credentials;
  if (keyId === '' && keySecret === '') return [];
  return validateBasicCredentials(keyId || 'x', keySecret).filter(
    (error) => keyId !== '' || error.field !== 'keyId',
  );
}

/**
 * The share link of a form: operation, server and its variables, auth, parameters, media type
 * and example; never credentials.
 */
export function shareLink(model: PlaygroundModel, state: FormState): string {
  return encodeSharedState({
    operation: model.operation.id,
    server: state.server,
    auth: state.authMode,
    params: state.params,
    ...(state.serverVariables ? { serverVariables: state.serverVariables } : {}),
    ...(state.mediaType ? { mediaType: state.mediaType } : {}),
    ...(state.example ? { example: state.example } : {}),
  });
}

/**
 * What a share link restores in one playground: the server only when the playground offers it,
 * and only the variable values, media type and example the operation has.
 */
export interface LinkedForm {
  server: string | null;
  authMode: AuthChoice;
  params: ParameterValues;
  serverVariables: Record<string, string>;
  mediaType: string | null;
  example: string | null;
}

/** Reads a share link for this playground's operation, or null when it is for another one. */
export function linkedForm(
  model: PlaygroundModel,
  hash: string,
  serverChoices: readonly string[],
): LinkedForm | null {
  const shared = decodeSharedState(hash);
  if (!shared || shared.operation !== model.operation.id) return null;
  const server = serverChoices.includes(shared.server) ? shared.server : null;
  const variables = chosenServer(model.operation, server ?? initialServer(model))?.variables ?? [];
  const serverVariables = Object.fromEntries(
    Object.entries(shared.serverVariables ?? {}).filter(([name, value]) => {
      const variable = variables.find((entry) => entry.name === name);
      return variable !== undefined && (variable.enum?.includes(value) ?? true);
    }),
  );
  const media = shared.mediaType ? chosenMediaType(model.operation, shared.mediaType) : undefined;
  const examples = chosenMediaType(model.operation, media?.contentType)?.examples ?? [];
  return {
    server,
    authMode: authChoices(model.operation).includes(shared.auth) ? shared.auth : initialAuth(model),
    params: shared.params,
    serverVariables,
    mediaType: media?.contentType ?? null,
    example: examples.some((entry) => entry.name === shared.example) ? shared.example! : null,
  };
}

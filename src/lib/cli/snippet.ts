/**
 * `npm run snippet`: the arguments, and the snippet they describe, written exactly as the
 * playground's Copy button writes it (the same form state through `snippetInput`).
 */
import { parseArgs } from 'node:util';
import type { OperationModel } from '../openapi/types.ts';
import {
  chosenMediaType,
  exampleBody,
  exampleText,
  fileFieldNames,
  snippetInput,
  type FormState,
} from '../playground/form-state.ts';
import { apiKeyScheme, authChoices, type AuthChoice } from '../playground/auth.ts';
import type { PlaygroundModel } from '../playground/props.ts';
import { sinchServerUrl } from '../playground/servers.ts';
import { valuesOf } from '../request/serialise.ts';
import type { FileInput, ParameterValues } from '../request/types.ts';
import { generateSnippet, SNIPPET_TARGETS } from '../snippets/index.ts';
import type { SnippetInput } from '../snippets/types.ts';
import { UsageError } from './errors.ts';

/** What the command line asked for. */
export interface SnippetOptions {
  spec: string;
  operation: string;
  target: string;
  env: boolean;
  auth?: string;
  params: ParameterValues;
  body?: string;
  example?: string;
  /** File paths by field name (`body` for a binary body). */
  files: Record<string, string>;
  serverUrl?: string;
  serverVariables: Record<string, string>;
}

/** The usage line printed with argument errors. */
const SNIPPET_USAGE =
  'Usage: npm run snippet -- --spec <document> --operation <operationId> --target <id> [--env] [--auth <scheme>] [--param name=value]... [--body <json> | --example <name>] [--file field=path]... [--server-url <url>] [--server-var name=value]...';

/** Splits repeated `name=value` arguments of one flag, naming the flag and the bad value. */
function pairs(flag: string, values: readonly string[]): [string, string][] {
  return values.map((value) => {
    const at = value.indexOf('=');
    if (at <= 0) throw new UsageError(`--${flag} "${value}": expected name=value.`);
    return [value.slice(0, at), value.slice(at + 1)];
  });
}

/** Parses the command line; throws a UsageError naming an unknown flag or a malformed value. */
export function parseSnippetArgs(argv: readonly string[]): SnippetOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        spec: { type: 'string' },
        operation: { type: 'string' },
        target: { type: 'string' },
        env: { type: 'boolean', default: false },
        auth: { type: 'string' },
        param: { type: 'string', multiple: true, default: [] },
        body: { type: 'string' },
        example: { type: 'string' },
        file: { type: 'string', multiple: true, default: [] },
        'server-url': { type: 'string' },
        'server-var': { type: 'string', multiple: true, default: [] },
      },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${SNIPPET_USAGE}`);
  }
  const { spec, operation, target } = values;
  for (const [flag, value] of Object.entries({ spec, operation, target }))
    if (value === undefined) throw new UsageError(`--${flag} is required.\n${SNIPPET_USAGE}`);
  if (values.body !== undefined && values.example !== undefined)
    throw new UsageError('--body and --example cannot be used together.');
  const params: ParameterValues = {};
  for (const [name, value] of pairs('param', values.param)) {
    const before = params[name];
    params[name] = before === undefined ? value : [...valuesOf(before), value];
  }
  return {
    spec: spec!,
    operation: operation!,
    target: target!,
    env: values.env,
    ...(values.auth === undefined ? {} : { auth: values.auth }),
    params,
    ...(values.body === undefined ? {} : { body: values.body }),
    ...(values.example === undefined ? {} : { example: values.example }),
    files: Object.fromEntries(pairs('file', values.file)),
    ...(values['server-url'] === undefined ? {} : { serverUrl: values['server-url'] }),
    serverVariables: Object.fromEntries(pairs('server-var', values['server-var'])),
  };
}

/** The playground auth choice for `--auth` (a scheme name or a type), else the form's first choice. */
function authModeFor(operation: OperationModel, auth: string | undefined): AuthChoice {
  const schemes = operation.securitySchemes ?? [];
  if (auth === undefined) return authChoices(operation)[0] ?? 'none';
  const scheme = schemes.find((candidate) => candidate.name === auth);
  const type = scheme?.type ?? auth;
  if (type === 'basic' || type === 'oauth2' || type === 'bearer') return type;
  if (type === 'apiKey') {
    if (apiKeyScheme(operation)) return 'apiKey';
    throw new UsageError(
      `--auth ${auth}: ${operation.id} has no API key scheme sent in a header or the query.`,
    );
  }
  const names = [...schemes.map((candidate) => candidate.name), 'basic', 'oauth2', 'bearer'];
  throw new UsageError(`--auth ${auth}: unknown scheme. Valid: ${[...new Set(names)].join(', ')}.`);
}

/** The body text: `--body` as given, `--example` by name, else the form's starting example. */
function bodyFor(model: PlaygroundModel, options: SnippetOptions): string | null {
  const spec = model.operation.requestBody;
  if (!spec) {
    if (options.body !== undefined || options.example !== undefined)
      throw new UsageError(`${model.operation.id} takes no request body.`);
    return null;
  }
  if (options.body !== undefined) return options.body;
  if (options.example === undefined) return exampleBody(model);
  const examples = chosenMediaType(model.operation, undefined)?.examples;
  const found = examples?.find((example) => example.name === options.example);
  if (!found)
    throw new UsageError(
      `--example ${options.example}: unknown example. Valid: ${(examples ?? []).map((example) => example.name).join(', ') || 'none'}.`,
    );
  return exampleText(found.value);
}

/**
 * The server: `--server-url` or the first server, as a template whose `{variables}` the request
 * builder fills from `--server-var` (else the first server's defaults), so a project-ID variable stays the
 * project ID's place and reads SINCH_PROJECT_ID in `--env` snippets.
 */
function serverFor(
  operation: OperationModel,
  options: SnippetOptions,
): { server: string; serverVariables: Record<string, string> } {
  const first = operation.servers[0];
  const template = options.serverUrl ?? first?.template ?? sinchServerUrl(operation);
  const names = [...template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
  for (const name of Object.keys(options.serverVariables))
    if (!names.includes(name))
      throw new UsageError(
        `--server-var ${name}: not a variable of ${template}. Valid: ${names.join(', ') || 'none'}.`,
      );
  return { server: template, serverVariables: options.serverVariables };
}

/** Chosen files by field, read with `readFile`; the field must be a file field of the body. */
function filesFor(
  operation: OperationModel,
  options: SnippetOptions,
  readFile: (path: string) => Uint8Array,
): Record<string, FileInput> {
  const fields = fileFieldNames(chosenMediaType(operation, undefined));
  return Object.fromEntries(
    Object.entries(options.files).map(([field, path]) => {
      if (!fields.includes(field))
        throw new UsageError(
          `--file ${field}: not a file field of ${operation.id}. Valid: ${fields.join(', ') || 'none'}.`,
        );
      try {
        return [field, { path, bytes: readFile(path) }];
      } catch (error) {
        throw new UsageError(`--file ${field}: cannot read ${path}: ${(error as Error).message}`);
      }
    }),
  );
}

/**
 * The snippet input for the options, built as Copy builds it: credentials from SINCH_* variables
 * (placeholders when unset), never from arguments. Throws a UsageError for a bad name or value.
 */
function cliSnippetInput(
  operations: readonly OperationModel[],
  options: SnippetOptions,
  env: Readonly<Record<string, string | undefined>>,
  readFile: (path: string) => Uint8Array,
): SnippetInput {
  const operation = operations.find((candidate) => candidate.id === options.operation);
  if (!operation)
    throw new UsageError(
      `--operation ${options.operation}: unknown operation. Valid: ${operations.map((o) => o.id).join(', ')}.`,
    );
  if (!SNIPPET_TARGETS.some((target) => target.id === options.target))
    throw new UsageError(
      `--target ${options.target}: unknown target. Valid: ${SNIPPET_TARGETS.map((t) => t.id).join(', ')}.`,
    );
  const mode = authModeFor(operation, options.auth);
  const model: PlaygroundModel = {
    operation,
    defaults: {},
    server: 'sinch',
    auth: mode === 'oauth2' ? 'oauth2' : 'basic',
  };
  const files = filesFor(operation, options, readFile);
  const state: FormState = {
    ...serverFor(operation, options),
    authMode: mode,
    credentials: {
      projectId: env['SINCH_PROJECT_ID'] ?? '',
      keyId: env['SINCH_KEY_ID'] ?? '',
      keySecret: env['SINCH_KEY_SECRET'] ?? '',
    },
    token: env['SINCH_API_TOKEN'] ?? '',
    apiKey: env['SINCH_API_KEY'] ?? '',
    params: options.params,
    body: bodyFor(model, options),
    ...(Object.keys(files).length > 0 ? { files } : {}),
    useEnv: options.env,
    revealSecret: false,
  };
  const input = snippetInput(model, state, '', true);
  if (!input.ok)
    throw new UsageError(
      `The request cannot be built: ${input.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
    );
  return input.value;
}

/** The snippet text for the options, as `generateSnippet` writes it for Copy. */
export function cliSnippet(
  operations: readonly OperationModel[],
  options: SnippetOptions,
  env: Readonly<Record<string, string | undefined>>,
  readFile: (path: string) => Uint8Array,
): string {
  return generateSnippet(options.target, cliSnippetInput(operations, options, env, readFile));
}

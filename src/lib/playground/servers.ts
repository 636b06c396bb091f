import { fillServerTemplate } from '../openapi/server-template.ts';
import type { OperationModel, ServerModel, ServerVariableModel } from '../openapi/types.ts';
import { isProjectIdName } from '../request/build.ts';

/** Value of the server choice that sends to this site's embedded mock. */
export const MOCK_SERVER = 'mock';

/** The Sinch server and token endpoint assumed when an operation's document names none. */
export const SINCH_FALLBACK = {
  serverUrl: 'https://numbers.api.sinch.com',
  tokenUrl: 'https://auth.sinch.com/oauth2/token',
} as const;

/** The operation's first Sinch server, the one the mock stands in for. */
export function sinchServerUrl(operation: OperationModel): string {
  return operation.servers[0]?.url ?? SINCH_FALLBACK.serverUrl;
}

/** The first server as its URL template (`https://{region}.template.api.sinch.com`), for the mock. */
export function sinchServerTemplate(operation: OperationModel): string {
  return operation.servers[0]?.template ?? sinchServerUrl(operation);
}

/**
 * The mock's base URL for a Sinch server URL or template, on this site:
 * `https://numbers.api.sinch.com` → `/mock/numbers`. Each variable of the host becomes a path
 * segment (`https://{region}.template.api.sinch.com` → `/mock/template/{region}`), so the
 * reader's choice reaches the mock as it would reach Sinch.
 */
export function mockBaseUrl(sinchServerUrl: string, origin: string): string {
  const host = /^[a-z]+:\/\/([^/:]*)/i.exec(sinchServerUrl)?.[1] ?? '';
  const labels = host.split('.');
  const variables = labels.flatMap((label) => {
    const name = /^\{([^}]+)\}$/.exec(label)?.[1];
    return name === undefined || isProjectIdName(name) ? [] : [`/{${name}}`];
  });
  const api =
    host === 'auth.sinch.com'
      ? 'auth'
      : (labels.find((label) => !label.includes('{')) ?? 'numbers');
  return `${origin}/mock/${api}${variables.join('')}`;
}

/** The server whose variables a choice uses: the chosen Sinch server, or the one the mock stands in for. */
export function chosenServer(operation: OperationModel, server: string): ServerModel | undefined {
  return server === MOCK_SERVER
    ? operation.servers[0]
    : operation.servers.find(
        (candidate) => candidate.url === server || candidate.template === server,
      );
}

/** Variables the reader sets for a server: all but a project ID, which follows the Project ID field. */
export function editableVariables(server: ServerModel | undefined): ServerVariableModel[] {
  return (server?.variables ?? []).filter((variable) => !isProjectIdName(variable.name));
}

/** Values for the chosen server's variables: each default (project IDs left out), then the reader's. */
export function serverVariableValues(
  operation: OperationModel,
  server: string,
  chosen: Readonly<Record<string, string>>,
): Record<string, string> {
  const defaults = editableVariables(chosenServer(operation, server)).map(
    (variable) => [variable.name, variable.default] as const,
  );
  return { ...Object.fromEntries(defaults), ...chosen };
}

/**
 * The base URL a server choice sends to: the mock's on `origin`, or the chosen Sinch server;
 * a URL template when the server has variables (the request builder fills them). A value that
 * is no declared server (a URL given on the command line) is used as it is.
 */
export function serverUrlFor(server: string, operation: OperationModel, origin: string): string {
  if (server === MOCK_SERVER) return mockBaseUrl(sinchServerTemplate(operation), origin);
  return chosenServer(operation, server)?.template ?? server;
}

/** The operation's OAuth2 token endpoint at Sinch. */
export function sinchTokenUrl(operation: OperationModel): string {
  return operation.tokenUrl ?? SINCH_FALLBACK.tokenUrl;
}

/**
 * The OAuth2 token URL to use: the mock's when the mock is selected, else the operation's with
 * any `{variable}` it shares with the chosen server filled in the same way.
 */
export function tokenUrlFor(
  server: string,
  sinchTokenUrl: string,
  origin: string,
  variables: Readonly<Record<string, string>> = {},
): string {
  return server === MOCK_SERVER
    ? `${origin}/mock/auth/oauth2/token`
    : fillServerTemplate(sinchTokenUrl, [], variables);
}

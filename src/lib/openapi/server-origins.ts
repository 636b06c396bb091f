import type { OperationModel, ServerModel } from './types.ts';

/** A server host the proxy cannot list because a free-text variable makes it any host. */
export class ServerOriginError extends Error {}

/** Every origin one server can reach: its template with each enum combination of host variables. */
function originsOf(document: string, server: ServerModel): string[] {
  const template = server.template ?? server.url;
  const host = /^[a-z]+:\/\/[^/]*/i.exec(template)?.[0] ?? template;
  let candidates = [host];
  for (const variable of server.variables ?? []) {
    if (!host.includes(`{${variable.name}}`)) continue;
    if (!variable.enum)
      throw new ServerOriginError(
        `${document}: server variable "${variable.name}" in the host of ${template} has no enum, so the proxy cannot list its origins.`,
      );
    candidates = candidates.flatMap((candidate) =>
      variable.enum!.map((value) => candidate.replaceAll(`{${variable.name}}`, value)),
    );
  }
  return candidates.map((candidate) => new URL(candidate).origin);
}

/**
 * The origins a document's operations may be sent to, for the proxy's allowlist at build time:
 * enum values of host variables expanded; a free-text variable inside a host is an error naming
 * the document and the variable.
 */
export function serverOrigins(document: string, operations: readonly OperationModel[]): string[] {
  const origins = new Set<string>();
  for (const operation of operations)
    for (const server of operation.servers)
      if (server.url !== '') for (const origin of originsOf(document, server)) origins.add(origin);
  return [...origins].sort();
}

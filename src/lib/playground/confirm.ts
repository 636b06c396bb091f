/**
 * Whether a send must be confirmed first: writes (POST, PUT, PATCH, DELETE) to a real Sinch
 * server change a real account, and some cost money or remove data for good. The mock and
 * reads never ask. Pure, so the rule is tested without a browser.
 */
import type { OperationModel } from '../openapi/types.ts';
import { MOCK_SERVER } from './servers.ts';

/** What the confirmation shows: the operation and each risk of sending it, one sentence each. */
export interface Confirmation {
  /** Names the operation and the server, e.g. `Rent a specific number (POST …) on https://…`. */
  action: string;
  /** Sentences on money and lost data; empty when the write has neither. */
  risks: string[];
}

/** Methods that change something at Sinch. */
const WRITE_METHODS: ReadonlySet<OperationModel['method']> = new Set([
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
]);

/** Said of a DELETE whose document gives no sentence of its own. */
export const DELETE_RISK = 'It deletes data in your Sinch account; this cannot be undone.';

/** The confirmation to show before sending `operation` to `server`, or null to send at once. */
export function confirmationFor(operation: OperationModel, server: string): Confirmation | null {
  if (server === MOCK_SERVER || !WRITE_METHODS.has(operation.method)) return null;
  const risks: string[] = [];
  if (operation.costNote) risks.push(`It may cost money: ${operation.costNote}`);
  if (operation.deleteNote) risks.push(`It deletes data: ${operation.deleteNote}`);
  else if (operation.method === 'DELETE') risks.push(DELETE_RISK);
  const name = operation.summary || operation.id;
  return {
    action: `${name} (${operation.method} ${operation.path}) on ${server}`,
    risks,
  };
}

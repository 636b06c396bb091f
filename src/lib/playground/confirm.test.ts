import { describe, expect, it } from 'vitest';
import type { OperationModel } from '../openapi/types.ts';
import { confirmationFor, DELETE_RISK } from './confirm.ts';
import { MOCK_SERVER } from './servers.ts';

const SINCH = 'https://numbers.api.sinch.com';

/** An operation with the given method and notes; nothing else matters here. */
function operation(
  method: OperationModel['method'],
  notes: Pick<OperationModel, 'costNote' | 'deleteNote'> = {},
): OperationModel {
  return {
    id: 'doThing',
    method,
    path: '/v1/things/{id}',
    summary: 'Do a thing',
    description: '',
    tags: [],
    deprecated: false,
    servers: [{ url: SINCH, description: '' }],
    parameters: [],
    security: ['basic'],
    ...notes,
  };
}

describe('confirmationFor', () => {
  it.each([
    ['GET to Sinch', operation('GET'), SINCH, null],
    ['GET with a cost note', operation('GET', { costNote: 'Billed.' }), SINCH, null],
    ['POST to the mock', operation('POST', { costNote: 'Billed.' }), MOCK_SERVER, null],
    ['DELETE to the mock', operation('DELETE'), MOCK_SERVER, null],
    ['POST to Sinch', operation('POST'), SINCH, []],
    ['PUT to Sinch', operation('PUT'), SINCH, []],
    ['PATCH to Sinch', operation('PATCH'), SINCH, []],
    ['DELETE to Sinch', operation('DELETE'), SINCH, [DELETE_RISK]],
    [
      'POST that costs money',
      operation('POST', { costNote: 'Renting starts billing.' }),
      SINCH,
      ['It may cost money: Renting starts billing.'],
    ],
    [
      'POST that deletes',
      operation('POST', { deleteNote: 'The number leaves your project.' }),
      SINCH,
      ['It deletes data: The number leaves your project.'],
    ],
    [
      'DELETE with its own sentence',
      operation('DELETE', { deleteNote: 'The pages are gone.' }),
      SINCH,
      ['It deletes data: The pages are gone.'],
    ],
  ] as const)('%s', (_name, op, server, risks) => {
    const confirmation = confirmationFor(op, server);
    if (risks === null) expect(confirmation).toBeNull();
    else expect(confirmation?.risks).toEqual(risks);
  });

  it('names the operation, its method and path, and the server', () => {
    expect(confirmationFor(operation('DELETE'), SINCH)?.action).toBe(
      `Do a thing (DELETE /v1/things/{id}) on ${SINCH}`,
    );
  });

  it('falls back to the operation id when there is no summary', () => {
    expect(confirmationFor({ ...operation('POST'), summary: '' }, SINCH)?.action).toMatch(
      /^doThing \(POST/,
    );
  });
});

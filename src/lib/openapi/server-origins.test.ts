import { describe, expect, it } from 'vitest';
import { serverOrigins } from './server-origins.ts';
import type { OperationModel, ServerModel } from './types.ts';

/** An operation with the given servers. */
function operation(servers: ServerModel[]): OperationModel {
  return {
    id: 'op',
    method: 'GET',
    path: '/x',
    summary: '',
    description: '',
    tags: [],
    deprecated: false,
    servers,
    parameters: [],
    security: [],
  };
}

describe('serverOrigins', () => {
  it('expands enum values of host variables and keeps path variables out of the origin', () => {
    const region: ServerModel = {
      url: 'https://us.template.api.sinch.com',
      description: '',
      template: 'https://{region}.template.api.sinch.com/v1/projects/{projectId}',
      variables: [
        { name: 'region', default: 'us', enum: ['us', 'eu'], description: '' },
        { name: 'projectId', default: '', description: '' },
      ],
    };
    const plain: ServerModel = { url: 'https://fax.api.sinch.com', description: '' };
    expect(serverOrigins('doc.yaml', [operation([region]), operation([plain, region])])).toEqual([
      'https://eu.template.api.sinch.com',
      'https://fax.api.sinch.com',
      'https://us.template.api.sinch.com',
    ]);
  });

  it('refuses a free-text variable in a host, naming the document and the variable', () => {
    const open: ServerModel = {
      url: 'https://x.example.com',
      description: '',
      template: 'https://{tenant}.example.com',
      variables: [{ name: 'tenant', default: 'x', description: '' }],
    };
    expect(() => serverOrigins('tenant.yaml', [operation([open])])).toThrow(
      /tenant\.yaml: server variable "tenant"/,
    );
  });
});

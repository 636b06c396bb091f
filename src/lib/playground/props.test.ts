import { describe, expect, it } from 'vitest';
import type { OperationModel } from '../openapi/types.ts';
import { parsePlaygroundProps, playgroundModel } from './props.ts';

describe('parsePlaygroundProps', () => {
  it('fills the defaults', () => {
    expect(parsePlaygroundProps({ operation: 'listAvailableNumbers' })).toEqual({
      operation: 'listAvailableNumbers',
      defaults: {},
      server: 'mock',
      auth: 'basic',
    });
  });

  it.each([
    ['a missing operation', {}, /operation/],
    ['an unknown server', { operation: 'x', server: 'staging' }, /server/],
    ['an unknown auth', { operation: 'x', auth: 'digest' }, /auth/],
    ['a number as a default', { operation: 'x', defaults: { size: 3 } }, /defaults\.size/],
  ])('names the prop at fault for %s', (_name, props, field) => {
    expect(() => parsePlaygroundProps(props)).toThrow(
      /^Invalid prop passed to the <Playground\/> component: /,
    );
    expect(() => parsePlaygroundProps(props)).toThrow(field);
  });
});

describe('playgroundModel', () => {
  const operation = { id: 'listAvailableNumbers' } as OperationModel;
  const operations = new Map([[operation.id, operation]]);

  it('resolves the operation', () => {
    const options = parsePlaygroundProps({ operation: operation.id, auth: 'oauth2' });
    expect(playgroundModel(options, operations)).toMatchObject({ operation, auth: 'oauth2' });
  });

  it('lists the valid operations for an unknown one', () => {
    const options = parsePlaygroundProps({ operation: 'listEverything' });
    expect(() => playgroundModel(options, operations)).toThrow(
      '<Playground operation="listEverything"/>: unknown operation. Valid operations: listAvailableNumbers.',
    );
  });
});

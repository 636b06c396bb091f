import { describe, expect, it } from 'vitest';
import { MAX_OUTPUT_TEXT, parseSandboxMessage } from './messages.ts';

const FETCH = {
  type: 'fetch',
  id: 0,
  url: 'https://numbers.api.sinch.com/v1/projects/p/availableNumbers',
  method: 'GET',
  headers: [['Accept', 'application/json']],
  body: null,
};

describe('parseSandboxMessage', () => {
  it.each([
    { type: 'ready' },
    FETCH,
    { ...FETCH, method: 'POST', body: 'grant_type=client_credentials' },
    { type: 'console', level: 'log', text: 'hello' },
    { type: 'console', level: 'error', text: 'x'.repeat(MAX_OUTPUT_TEXT) },
    { type: 'error', message: 'TypeError: boom' },
    { type: 'done', exitCode: 1 },
  ])('accepts %j', (data) => {
    expect(parseSandboxMessage(data)).toEqual({ ok: true, message: data });
  });

  it.each([
    [null, 'message'],
    ['ready', 'message'],
    [{ type: 'navigate', url: 'https://evil.example' }, 'type'],
    [{ ...FETCH, id: -1 }, 'id'],
    [{ ...FETCH, id: 1.5 }, 'id'],
    [{ ...FETCH, url: 42 }, 'url'],
    [{ ...FETCH, headers: { Accept: 'x' } }, 'headers'],
    [{ ...FETCH, headers: [['Accept']] }, 'headers.0'],
    [{ ...FETCH, body: { file: 1 } }, 'body'],
    [{ ...FETCH, extra: true }, 'message'],
    [{ type: 'console', level: 'trace', text: 'x' }, 'level'],
    [{ type: 'console', level: 'log', text: 'x'.repeat(MAX_OUTPUT_TEXT + 1) }, 'text'],
    [{ type: 'done', exitCode: '0' }, 'exitCode'],
  ])('refuses %j, naming field "%s"', (data, field) => {
    const result = parseSandboxMessage(data);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.reason).toMatch(new RegExp(`^field "${field.replace('.', '\\.')}`));
  });
});

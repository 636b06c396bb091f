import { describe, expect, it } from 'vitest';
import { batchedSink, logProxyRequest } from './log.ts';

describe('batchedSink', () => {
  it('writes every line of one turn in one call, in order, then starts a new batch', () => {
    const writes: string[] = [];
    const scheduled: (() => void)[] = [];
    const sink = batchedSink(
      (text) => writes.push(text),
      (flush) => scheduled.push(flush),
    );
    sink('a');
    sink('b');
    expect(writes).toEqual([]);
    expect(scheduled).toHaveLength(1);
    scheduled[0]?.();
    sink('c');
    expect(scheduled).toHaveLength(2);
    scheduled[1]?.();
    expect(writes).toEqual(['a\nb\n', 'c\n']);
  });

  it('flushes on its own by the next event-loop turn', async () => {
    const writes: string[] = [];
    const sink = batchedSink((text) => writes.push(text));
    sink('x');
    await new Promise((done) => setImmediate(done));
    expect(writes).toEqual(['x\n']);
  });
});

describe('logProxyRequest', () => {
  it('writes only the known fields, as one JSON line', () => {
    const lines: string[] = [];
    const entry = {
      method: 'GET',
      origin: 'https://numbers.api.sinch.com',
      path: '/v1/projects/p/activeNumbers',
      status: 200,
      durationMs: 12,
      error: null,
      secret: 'must-not-appear',
    };
    logProxyRequest((line) => lines.push(line), entry);
    expect(lines).toHaveLength(1);
    const parsed = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    expect(Object.keys(parsed).sort()).toEqual(
      ['durationMs', 'error', 'event', 'method', 'origin', 'path', 'status', 'time'].sort(),
    );
    expect(lines[0]).not.toContain('must-not-appear');
  });
});

import { describe, expect, it } from 'vitest';
import { endOfRunText, RequestAllowance, RUN_LIMITS } from './limits.ts';

describe('RUN_LIMITS', () => {
  it('caps a run at 30 s and 20 requests', () => {
    expect(RUN_LIMITS).toEqual({ timeMs: 30_000, requests: 20 });
  });
});

describe('RequestAllowance', () => {
  it.each([0, 1, 3, RUN_LIMITS.requests])('allows exactly %i requests, then refuses', (limit) => {
    const allowance = new RequestAllowance(limit);
    for (let i = 0; i < limit; i++) expect(allowance.take()).toBeNull();
    expect(allowance.take()).toBe(
      `Request limit reached: a run in the browser may send at most ${limit} requests.`,
    );
    expect(allowance.take()).not.toBeNull();
    expect(allowance.used).toBe(limit);
  });

  it('defaults to the run cap', () => {
    expect(new RequestAllowance().limit).toBe(RUN_LIMITS.requests);
  });
});

describe('endOfRunText', () => {
  it.each([
    ['done', 1234, 0, 'Finished in 1.2 s.'],
    ['done', 50, 1, 'Finished in 0.1 s with exit code 1.'],
    ['stopped', 2500, 0, 'Stopped after 2.5 s.'],
    ['time-limit', 30_001, 0, 'Stopped: a run may take at most 30 s.'],
  ] as const)('%s after %i ms, exit %i', (reason, elapsed, exitCode, text) => {
    expect(endOfRunText(reason, elapsed, exitCode)).toBe(text);
  });
});

/** What one run in the browser may use: it is stopped after `timeMs`, and its fetch calls past `requests` fail. */
export const RUN_LIMITS = { timeMs: 30_000, requests: 20 } as const;

/** Counts the requests of one run and refuses those past the cap, with the message the code sees. */
export class RequestAllowance {
  #used = 0;
  readonly limit: number;

  constructor(limit: number = RUN_LIMITS.requests) {
    this.limit = limit;
  }

  /** Requests taken so far. */
  get used(): number {
    return this.#used;
  }

  /** Takes one request: null when allowed, else why it is refused. */
  take(): string | null {
    if (this.#used >= this.limit)
      return `Request limit reached: a run in the browser may send at most ${this.limit} requests.`;
    this.#used += 1;
    return null;
  }
}

/** The status line for a run that ended, given why it ended and how long it took. */
export function endOfRunText(
  reason: 'done' | 'stopped' | 'time-limit',
  elapsedMs: number,
  exitCode = 0,
): string {
  const seconds = (elapsedMs / 1000).toFixed(1);
  if (reason === 'stopped') return `Stopped after ${seconds} s.`;
  if (reason === 'time-limit')
    return `Stopped: a run may take at most ${RUN_LIMITS.timeMs / 1000} s.`;
  return exitCode === 0
    ? `Finished in ${seconds} s.`
    : `Finished in ${seconds} s with exit code ${exitCode}.`;
}

/** One line per proxied request; holds no credentials, query strings or bodies by construction. */
export interface ProxyLogEntry {
  method: string;
  /** Target origin, or null when the URL was unusable. */
  origin: string | null;
  /** Target path without query or fragment. */
  path: string | null;
  /** Upstream HTTP status, or null when no answer arrived. */
  status: number | null;
  durationMs: number;
  /** Proxy error code when the proxy refused or failed, else null. */
  error: string | null;
}

/** Where log lines go; tests pass an array-backed sink. */
export type LogSink = (line: string) => void;

/**
 * Collects lines and hands them to `write` once per turn of the event loop, so a busy server
 * makes one write call for many requests instead of one each. Lines keep their order.
 */
export function batchedSink(
  write: (text: string) => void,
  schedule: (flush: () => void) => void = setImmediate,
): LogSink {
  let pending: string[] = [];
  const flush = () => {
    const text = pending.join('');
    pending = [];
    write(text);
  };
  return (line) => {
    if (pending.push(`${line}\n`) === 1) schedule(flush);
  };
}

/** Writes JSON lines to stdout, batched per event-loop turn. */
export const stdoutSink: LogSink = batchedSink((text) => process.stdout.write(text));

/** Serialises one entry as a JSON line, picking only the known fields. */
export function logProxyRequest(sink: LogSink, entry: ProxyLogEntry): void {
  const { method, origin, path, status, durationMs, error } = entry;
  sink(
    JSON.stringify({
      time: new Date().toISOString(),
      event: 'proxy',
      method,
      origin,
      path,
      status,
      durationMs,
      error,
    }),
  );
}

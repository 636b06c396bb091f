import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';

/** Resident memory of a process in MiB, from /proc (Linux). */
export function rssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (match?.[1] === undefined) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) / 1024;
}

/** Samples `pid`'s RSS every 100 ms until `stop` is called, which returns the peak in MiB. */
export function watchPeakRss(pid: number): () => number {
  let peak = rssMiB(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMiB(pid));
  }, 100);
  return () => {
    clearInterval(timer);
    return Math.max(peak, rssMiB(pid));
  };
}

/**
 * Streams a chunked body of up to `maxBytes` (1 MiB chunks) to `origin + path`, stopping as soon
 * as the server answers or closes. Gives the status (0 when the connection was closed without
 * one) and how many bytes were written.
 */
export function sendHugeBody(
  origin: string,
  path: string,
  options: {
    method: string;
    headers: Record<string, string>;
    maxBytes: number;
    localAddress?: string;
  },
): Promise<{ status: number; sentBytes: number }> {
  const url = new URL(path, origin);
  const chunk = Buffer.alloc(1024 * 1024, 0x61);
  return new Promise((resolve) => {
    let sent = 0;
    let done = false;
    const finish = (status: number) => {
      if (done) return;
      done = true;
      req.destroy();
      resolve({ status, sentBytes: sent });
    };
    const req = request(url, {
      method: options.method,
      headers: options.headers,
      ...(options.localAddress === undefined ? {} : { localAddress: options.localAddress }),
    });
    req.on('response', (res) => {
      res.resume();
      finish(res.statusCode ?? 0);
    });
    req.on('error', () => {
      finish(0);
    });
    const pump = () => {
      while (!done && sent < options.maxBytes) {
        sent += chunk.byteLength;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!done) req.end();
    };
    pump();
  });
}

/**
 * Opens a raw connection, writes `head` at once, then `text` one piece every `intervalMs`, pieces of `step`
 * characters, for at most `maxMs`. Resolves with how long the server kept the connection open,
 * when it first answered and what (empty when it closed without answering).
 */
export function trickle(
  origin: string,
  text: string,
  options: {
    intervalMs: number;
    maxMs: number;
    step?: number;
    head?: string;
    localAddress?: string;
  },
): Promise<{ openMs: number; answeredMs: number | null; answer: string }> {
  const url = new URL(origin);
  const step = options.step ?? 1;
  return new Promise((resolve) => {
    const started = performance.now();
    let answer = '';
    let answeredMs: number | null = null;
    let offset = 0;
    const socket = connect({
      host: url.hostname,
      port: Number(url.port),
      ...(options.localAddress === undefined ? {} : { localAddress: options.localAddress }),
    });
    const timer = setInterval(() => {
      if (offset < text.length) socket.write(text.slice(offset, offset + step));
      offset += step;
      if (performance.now() - started > options.maxMs) socket.destroy();
    }, options.intervalMs);
    if (options.head !== undefined) socket.write(options.head);
    socket.on('data', (data: Buffer) => {
      answeredMs ??= performance.now() - started;
      answer += data.toString();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ openMs: performance.now() - started, answeredMs, answer });
    });
  });
}

/** A GET or POST with a chosen local loopback address, for clients that must look distinct. */
export function httpCall(
  origin: string,
  path: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    localAddress?: string;
  } = {},
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, origin), {
      method: options.method ?? 'GET',
      headers: options.headers ?? {},
      ...(options.localAddress === undefined ? {} : { localAddress: options.localAddress }),
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
        });
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Node flags that make a server under test collect garbage on SIGUSR2 (see gc-on-signal.ts). */
export const GC_ON_SIGNAL = ['--expose-gc', '--import', './tests/support/gc-on-signal.ts'];

/**
 * Asks a server started with GC_ON_SIGNAL to collect garbage and resolves with its heap and RSS
 * in MiB afterwards, as it reports them on `output` (bounded wait).
 */
export async function collectGarbage(
  child: { pid?: number | undefined; kill: (signal: NodeJS.Signals) => boolean },
  output: string[],
): Promise<{ heapMiB: number; rssMiB: number }> {
  const before = output.length;
  child.kill('SIGUSR2');
  for (let i = 0; i < 100; i += 1) {
    const match = /memory after gc: heap ([\d.]+) MiB, rss ([\d.]+) MiB/.exec(
      output.slice(before).join(''),
    );
    if (match?.[1] !== undefined && match[2] !== undefined)
      return { heapMiB: Number(match[1]), rssMiB: Number(match[2]) };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the server did not report its memory after garbage collection');
}

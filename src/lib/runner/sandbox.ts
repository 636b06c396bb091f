/**
 * The sandbox the code runs in: an iframe document (opaque origin, a CSP that allows no network)
 * whose only job is to start a worker with the code and relay messages between it and the page,
 * and the worker's prelude, which provides `fetch` (bridged to the page), `console`, `process.env`
 * and `Buffer` before the reader's code runs. Both scripts are functions turned into source text,
 * so they are type-checked here and must not refer to anything outside themselves.
 */
import { MAX_OUTPUT_TEXT } from './messages.ts';

/**
 * The sandbox document's policy: scripts only inline or from blob: URLs (the worker), and no
 * fetch, XHR, WebSocket, EventSource, image, style, font, frame or form target anywhere.
 */
export const SANDBOX_CSP = [
  "default-src 'none'",
  "script-src 'unsafe-inline' blob:",
  'worker-src blob:',
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The iframe's relay: starts the worker once, forwards the page's messages to it and its messages back. */
function relay(): void {
  let worker: Worker | null = null;
  addEventListener('message', (event: MessageEvent) => {
    if (event.source !== parent) return;
    const data = event.data as { type?: unknown; source?: unknown };
    if (data.type === 'stop') {
      worker?.terminate();
      return;
    }
    if (data.type === 'start' && worker === null && typeof data.source === 'string') {
      const url = URL.createObjectURL(new Blob([data.source], { type: 'text/javascript' }));
      worker = new Worker(url);
      worker.onmessage = (message) => parent.postMessage(message.data, '*');
      worker.onerror = (error) => {
        error.preventDefault();
        parent.postMessage(
          { type: 'error', message: error.message || 'The code failed to load.' },
          '*',
        );
        parent.postMessage({ type: 'done', exitCode: 1 }, '*');
      };
      return;
    }
    worker?.postMessage(data);
  });
  parent.postMessage({ type: 'ready' }, '*');
}

/** The srcdoc of the sandbox iframe. */
export function sandboxDocument(): string {
  return [
    '<!doctype html>',
    `<meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}">`,
    `<script>(${relay.toString()})();</script>`,
  ].join('\n');
}

/** A reply from the page to one bridged fetch call, as the prelude reads it. */
interface Reply {
  type: 'response' | 'failure';
  id: number;
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: string;
  bodyEncoding: 'utf8' | 'base64';
  message: string;
}

/**
 * Runs in the worker before the code. Returns the function to call when the code's top level
 * has finished (with the error, if it threw); "done" is reported once that has happened and
 * nothing is pending (no bridged request, no timer) for a short while after the last activity.
 */
function prelude(
  env: Record<string, string>,
  maxText: number,
): (...failure: [] | [unknown]) => void {
  const scope = self as unknown as typeof globalThis;
  const globals = self as unknown as Record<string, unknown>;
  const post = (message: unknown): void => scope.postMessage(message);
  const nativeSetTimeout = setTimeout;
  const nativeClearTimeout = clearTimeout;
  const nativeSetInterval = setInterval;
  const nativeClearInterval = clearInterval;
  const pending = new Map<number, { resolve(value: Response): void; reject(error: Error): void }>();
  const timers = new Set<unknown>();
  let nextId = 0;
  let activity = 0;
  const processShim = { env: Object.freeze({ ...env }), exitCode: undefined as number | undefined };
  let topLevelRunning = true;
  const settle = (): void => {
    const mark = ++activity;
    nativeSetTimeout(() => {
      if (mark === activity && !topLevelRunning && pending.size === 0 && timers.size === 0)
        post({ type: 'done', exitCode: Number(processShim.exitCode ?? 0) | 0 });
    }, 100);
  };
  const describe = (value: unknown): string => {
    if (typeof value === 'string') return value;
    // Errors of any realm, not only this one's.
    if (Object.prototype.toString.call(value) === '[object Error]') {
      const error = value as Error;
      return `${error.name}: ${error.message}`;
    }
    try {
      return JSON.stringify(value, null, 2) ?? String(value);
    } catch {
      return String(value);
    }
  };
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const)
    console[level] = (...args: unknown[]): void =>
      post({ type: 'console', level, text: args.map(describe).join(' ').slice(0, maxText) });

  globals['process'] = processShim;
  const encodings = ['utf8', 'utf-8'];
  globals['Buffer'] = {
    from(text: unknown, encoding = 'utf8') {
      if (typeof text !== 'string' || !encodings.includes(encoding))
        throw new TypeError('Buffer.from: the runner supports UTF-8 strings only.');
      const bytes = new TextEncoder().encode(text);
      return {
        toString(target = 'utf8') {
          if (target === 'base64')
            return btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(''));
          if (encodings.includes(target)) return new TextDecoder().decode(bytes);
          throw new TypeError(
            `Buffer.toString: the runner supports base64 and utf8, not ${target}.`,
          );
        },
      };
    },
  };

  scope.fetch = (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    const headers = new Headers(input instanceof Request ? input.headers : undefined);
    new Headers(init.headers).forEach((value, name) => headers.set(name, value));
    let body: string | null = null;
    if (init.body instanceof URLSearchParams) {
      body = init.body.toString();
      if (!headers.has('content-type'))
        headers.set('content-type', 'application/x-www-form-urlencoded;charset=UTF-8');
    } else if (typeof init.body === 'string') body = init.body;
    else if (init.body !== undefined && init.body !== null)
      return Promise.reject(
        new TypeError('fetch: the runner sends text bodies only (a string or URLSearchParams).'),
      );
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      post({
        type: 'fetch',
        id,
        url,
        method: init.method ?? (input instanceof Request ? input.method : 'GET'),
        headers: [...headers],
        body,
      });
    });
  };

  scope.addEventListener('message', (event: MessageEvent) => {
    const reply = event.data as Reply;
    const entry = pending.get(reply.id);
    if (!entry) return;
    pending.delete(reply.id);
    settle();
    if (reply.type === 'failure') return entry.reject(new TypeError(reply.message));
    const bytes =
      reply.bodyEncoding === 'base64'
        ? Uint8Array.from(atob(reply.body), (char) => char.charCodeAt(0))
        : reply.body;
    const empty = [101, 204, 205, 304].includes(reply.status);
    entry.resolve(
      new Response(empty ? null : bytes, {
        status: reply.status < 200 ? 200 : reply.status,
        statusText: reply.statusText,
        headers: reply.headers,
      }),
    );
  });

  scope.setTimeout = ((handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const handle = nativeSetTimeout(() => {
      timers.delete(handle);
      settle();
      handler(...args);
    }, ms);
    timers.add(handle);
    return handle;
  }) as typeof setTimeout;
  scope.clearTimeout = ((handle?: number) => {
    timers.delete(handle);
    settle();
    nativeClearTimeout(handle);
  }) as typeof clearTimeout;
  scope.setInterval = ((handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const handle = nativeSetInterval(() => handler(...args), ms);
    timers.add(handle);
    return handle;
  }) as typeof setInterval;
  scope.clearInterval = ((handle?: number) => {
    timers.delete(handle);
    settle();
    nativeClearInterval(handle);
  }) as typeof clearInterval;

  scope.addEventListener('error', (event: ErrorEvent) => {
    event.preventDefault();
    post({
      type: 'error',
      message: `Uncaught ${describe(event.error ?? event.message)}`.slice(0, maxText),
    });
    settle();
  });
  scope.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
    event.preventDefault();
    post({
      type: 'error',
      message: `Uncaught (in promise) ${describe(event.reason)}`.slice(0, maxText),
    });
    settle();
  });
  return (...failure) => {
    topLevelRunning = false;
    if (failure.length > 0) {
      post({ type: 'error', message: `Uncaught ${describe(failure[0])}`.slice(0, maxText) });
      processShim.exitCode = 1;
    }
    settle();
  };
}

// What TypeScript emits to keep a file without imports or exports a module.
const EMPTY_EXPORT = /^export \{\};?[ \t]*$/m;

/**
 * The worker's script: the prelude, then the compiled code inside an async function, so that
 * top-level `await` works in a classic worker (module workers cannot load from the sandbox's
 * opaque origin) and the run lasts while the top level awaits anything. The empty export
 * TypeScript adds to module files is dropped.
 */
export function workerSource(code: string, env: Record<string, string>): string {
  return [
    `const __sandboxEnd = (${prelude.toString()})(${JSON.stringify(env)}, ${MAX_OUTPUT_TEXT});`,
    '(async () => {',
    code.replace(EMPTY_EXPORT, ''),
    '})().then(() => __sandboxEnd(), (error) => __sandboxEnd(error));',
  ].join('\n');
}

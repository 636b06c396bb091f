import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { basicAuthorization } from '../request/basic.ts';
import { SANDBOX_CSP, sandboxDocument, workerSource } from './sandbox.ts';

type Listener = (event: Record<string, unknown>) => void;

/** Runs the worker's script in a fresh realm standing in for the worker: what it posts, and a way to answer. */
function startWorker(code: string, env: Record<string, string> = {}) {
  const posted: Array<Record<string, unknown>> = [];
  const listeners = new Map<string, Listener[]>();
  const context = createContext({
    Headers,
    Request,
    Response,
    URLSearchParams,
    TextEncoder,
    TextDecoder,
    btoa,
    atob,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    console: {},
    postMessage: (message: unknown) =>
      posted.push(structuredClone(message) as Record<string, unknown>),
    addEventListener: (type: string, listener: Listener) =>
      listeners.set(type, [...(listeners.get(type) ?? []), listener]),
  });
  context['self'] = context;
  runInContext(workerSource(code, env), context);
  const dispatch = (type: string, event: Record<string, unknown>): void => {
    for (const listener of listeners.get(type) ?? []) listener(event);
  };
  const waitFor = async (type: string): Promise<Record<string, unknown>> => {
    for (let i = 0; i < 200; i++) {
      const found = posted.find((message) => message['type'] === type);
      if (found) return found;
      await new Promise((done) => setTimeout(done, 10));
    }
    throw new Error(`no "${type}" message; got ${JSON.stringify(posted)}`);
  };
  const logs = (): unknown[] =>
    posted.filter((message) => message['type'] === 'console').map((message) => message['text']);
  return { posted, dispatch, waitFor, logs };
}

describe('the worker prelude', () => {
  it.each(['demo-key:demo-secret', 'clé:été', '日本:🙈'])(
    'Buffer.from(%j).toString("base64") matches Node',
    async (text) => {
      const worker = startWorker(
        `console.log(Buffer.from(${JSON.stringify(text)}, 'utf8').toString('base64'));`,
      );
      await worker.waitFor('done');
      expect(worker.logs()).toEqual([Buffer.from(text, 'utf8').toString('base64')]);
    },
  );

  it('refuses Buffer encodings it does not provide, by name', async () => {
    const worker = startWorker(
      `try { Buffer.from('x').toString('hex'); } catch (error) { console.error(error.message); }`,
    );
    await worker.waitFor('done');
    expect(worker.logs()).toEqual([
      'Buffer.toString: the runner supports base64 and utf8, not hex.',
    ]);
  });

  it('gives process.env exactly the variables it was given, and reports process.exitCode', async () => {
    const worker = startWorker(
      `console.log(Object.keys(process.env).join(','), process.env.SINCH_KEY_ID, process.env.HOME); process.exitCode = 1;`,
      { SINCH_KEY_ID: 'placeholder' },
    );
    expect(await worker.waitFor('done')).toEqual({ type: 'done', exitCode: 1 });
    expect(worker.logs()).toEqual(['SINCH_KEY_ID placeholder undefined']);
  });

  it('formats console arguments like a terminal would: strings bare, values as JSON, errors by name', async () => {
    const worker = startWorker(`console.warn('n', 1, { a: [1] }, new RangeError('r'), undefined);`);
    await worker.waitFor('done');
    expect(worker.posted[0]).toEqual({
      type: 'console',
      level: 'warn',
      text: 'n 1 {\n  "a": [\n    1\n  ]\n} RangeError: r undefined',
    });
  });

  it('bridges fetch: the call becomes a message, the reply a Response', async () => {
    const worker = startWorker(`
      (async () => {
        const response = await fetch('https://auth.sinch.com/oauth2/token', {
          method: 'POST',
          headers: { Authorization: ${JSON.stringify(basicAuthorization('k', 's'))} },
          body: new URLSearchParams({ grant_type: 'client_credentials' }),
        });
        console.log(response.status, response.headers.get('content-type'), JSON.stringify(await response.json()));
      })();
    `);
    const call = await worker.waitFor('fetch');
    expect(call).toEqual({
      type: 'fetch',
      id: 0,
      url: 'https://auth.sinch.com/oauth2/token',
      method: 'POST',
      headers: [
        ['authorization', basicAuthorization('k', 's')],
        ['content-type', 'application/x-www-form-urlencoded;charset=UTF-8'],
      ],
      body: 'grant_type=client_credentials',
    });
    worker.dispatch('message', {
      data: {
        type: 'response',
        id: 0,
        status: 201,
        statusText: 'Created',
        headers: { 'content-type': 'application/json' },
        body: btoa('{"access_token":"t"}'),
        bodyEncoding: 'base64',
      },
    });
    await worker.waitFor('done');
    expect(worker.logs()).toEqual(['201 application/json {"access_token":"t"}']);
  });

  it('a failure reply rejects the fetch with a TypeError carrying the message', async () => {
    const worker = startWorker(
      `fetch('https://x.example/').catch((error) => console.log(error.name, error.message));`,
    );
    await worker.waitFor('fetch');
    expect(
      await Promise.race([
        worker.waitFor('done').then(() => 'done'),
        new Promise((r) => setTimeout(() => r('pending'), 300)),
      ]),
    ).toBe('pending');
    worker.dispatch('message', {
      data: { type: 'failure', id: 0, message: 'Request limit reached.' },
    });
    await worker.waitFor('done');
    expect(worker.logs()).toEqual(['TypeError Request limit reached.']);
  });

  it('refuses bodies other than text before posting anything', async () => {
    const worker = startWorker(
      `fetch('https://x.example/', { method: 'POST', body: new Uint8Array([1]) }).catch((error) => console.log(error.message));`,
    );
    await worker.waitFor('done');
    expect(worker.posted.some((message) => message['type'] === 'fetch')).toBe(false);
    expect(worker.logs()).toEqual([
      'fetch: the runner sends text bodies only (a string or URLSearchParams).',
    ]);
  });

  it("runs TypeScript's module output in a classic worker: top-level await, empty export dropped", async () => {
    const worker = startWorker(
      "const value = await Promise.resolve('after await');\nconsole.log(value);\nexport {};\n",
    );
    await worker.waitFor('done');
    expect(worker.logs()).toEqual(['after await']);
  });

  it('lasts while the top level awaits something that is neither a request nor a timer', async () => {
    const worker = startWorker(
      "await new Promise((resolve) => self.addEventListener('message', resolve));\nconsole.log('woken');",
    );
    await new Promise((done) => setTimeout(done, 400));
    expect(worker.posted).toEqual([]);
    worker.dispatch('message', { data: {} });
    expect(await worker.waitFor('done')).toEqual({ type: 'done', exitCode: 0 });
    expect(worker.logs()).toEqual(['woken']);
  });

  it('reports an error thrown by the top level, and exits with 1 like Node', async () => {
    const worker = startWorker("console.log('before');\nthrow new RangeError('top');");
    expect(await worker.waitFor('done')).toEqual({ type: 'done', exitCode: 1 });
    expect(worker.posted.filter((message) => message['type'] === 'error')).toEqual([
      { type: 'error', message: 'Uncaught RangeError: top' },
    ]);
  });

  it('waits for pending timers before reporting done', async () => {
    const worker = startWorker(`setTimeout(() => console.log('late'), 250);`);
    await worker.waitFor('done');
    expect(worker.logs()).toEqual(['late']);
  });

  it('reports uncaught errors and unhandled rejections', async () => {
    const worker = startWorker('');
    let prevented = 0;
    worker.dispatch('error', {
      error: new TypeError('boom'),
      message: 'x',
      preventDefault: () => prevented++,
    });
    worker.dispatch('unhandledrejection', { reason: 'nope', preventDefault: () => prevented++ });
    await worker.waitFor('done');
    expect(prevented).toBe(2);
    expect(worker.posted.filter((message) => message['type'] === 'error')).toEqual([
      { type: 'error', message: 'Uncaught TypeError: boom' },
      { type: 'error', message: 'Uncaught (in promise) nope' },
    ]);
  });
});

describe('the sandbox document', () => {
  it('allows no network and scripts only inline or from blob: URLs', () => {
    const directives = new Map(
      SANDBOX_CSP.split('; ').map((directive) => {
        const [name = '', ...values] = directive.split(' ');
        return [name, values];
      }),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'unsafe-inline'", 'blob:']);
    expect(directives.get('worker-src')).toEqual(['blob:']);
  });

  it('sets the policy before its one script', () => {
    const html = sandboxDocument();
    const meta = html.indexOf(
      `<meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}">`,
    );
    expect(meta).toBeGreaterThan(0);
    expect(meta).toBeLessThan(html.indexOf('<script>'));
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).not.toMatch(/<\/script>[\s\S]*<script/);
  });
});

/**
 * "Edit and run": the TypeScript snippet in a Monaco editor with type checking, compiled by
 * Monaco's TypeScript worker and run in a sandboxed iframe's worker. Loaded only on the first
 * click of "Edit and run". The sandbox has no network; its `fetch` calls come here as messages
 * and go through the playground proxy like "Send request", with the same limits and hints.
 */
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { displayBody, hintFor, statusText, type Outcome } from '../../lib/playground/outcome.ts';
import type { Credentials, HttpRequest } from '../../lib/request/types.ts';
import { replyFor, sandboxEnv, toProxyRequest } from '../../lib/runner/bridge.ts';
import { NODE_GLOBALS_DECLARATIONS, RUNNER_COMPILER_OPTIONS } from '../../lib/runner/globals.ts';
import { RequestAllowance, RUN_LIMITS, endOfRunText } from '../../lib/runner/limits.ts';
import {
  parseSandboxMessage,
  type PageMessage,
  type SandboxFetch,
} from '../../lib/runner/messages.ts';
import { sandboxDocument, workerSource } from '../../lib/runner/sandbox.ts';
import type { CredentialMode } from '../../lib/snippets/types.ts';
import { loadMonaco, type MonacoBundle } from '../monaco/load.ts';
import { RUNNER_CSS } from './styles.ts';

/** What the playground hands the runner when "Edit and run" is clicked. */
export interface RunnerOptions {
  /** The element the runner opens in (the TypeScript snippet's panel). */
  host: HTMLElement;
  /** A unique name for the editor's file, e.g. the operation ID. */
  name: string;
  /** The TypeScript snippet as "Copy" gives it. */
  code: string;
  /** How the snippet reads its credentials. */
  mode: CredentialMode;
  /** The credentials typed in the playground now; read when a run starts, never sent to the sandbox. */
  credentials(): Credentials;
  /** Sends one request through /api/proxy, as "Send request" does. */
  send(request: HttpRequest, signal: AbortSignal): Promise<Outcome>;
}

/** Longest response body shown in the run output, in characters. */
const MAX_SHOWN_BODY = 20_000;

let configured = false;
/** Compiler options and the Node globals' declarations, once per page. */
function configureTypeScript({ typescriptDefaults }: MonacoBundle): void {
  if (configured) return;
  configured = true;
  typescriptDefaults.setCompilerOptions(RUNNER_COMPILER_OPTIONS);
  typescriptDefaults.addExtraLib(NODE_GLOBALS_DECLARATIONS, 'file:///runner/node-globals.d.ts');
}

/** Flattens a TypeScript diagnostic message chain into one line. */
function diagnosticText(message: string | { messageText: string; next?: unknown[] }): string {
  if (typeof message === 'string') return message;
  const next = (message.next ?? []) as Array<{ messageText: string; next?: unknown[] }>;
  return [message.messageText, ...next.map(diagnosticText)].join(' ');
}

/**
 * Monaco's TypeScript worker accessor. Monaco registers it a moment after the first TypeScript
 * model appears and refuses until then, so this asks again for up to a minute.
 */
async function typeScriptWorker({
  getTypeScriptWorker,
}: MonacoBundle): ReturnType<MonacoBundle['getTypeScriptWorker']> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await getTypeScriptWorker();
    } catch (error) {
      if (attempt >= 600) throw error;
      await new Promise((done) => setTimeout(done, 100));
    }
  }
}

/** One run: its sandbox and what it has used. */
interface Run {
  iframe: HTMLIFrameElement;
  credentials: Credentials;
  allowance: RequestAllowance;
  controller: AbortController;
  started: number;
  timer: ReturnType<typeof setTimeout>;
  source: string;
}

const open = new WeakMap<HTMLElement, Promise<Runner>>();

/**
 * Opens the runner in `options.host` once Monaco has loaded, or focuses it when it is already
 * open (or opening) there.
 */
export async function openRunner(options: RunnerOptions): Promise<void> {
  let runner = open.get(options.host);
  if (runner === undefined) {
    runner = loadMonaco().then(
      async (bundle) => new Runner(options, bundle, await bundle.prepareMonaco()),
    );
    open.set(options.host, runner);
    // A failed load may be retried with the next click.
    runner.catch(() => open.delete(options.host));
    await runner;
    return;
  }
  (await runner).focus();
}

class Runner {
  #options: RunnerOptions;
  #bundle: MonacoBundle;
  #monaco: typeof Monaco;
  #editor: Monaco.editor.IStandaloneCodeEditor;
  #model: Monaco.editor.ITextModel;
  #runButton: HTMLButtonElement;
  #stopButton: HTMLButtonElement;
  #problems: HTMLElement;
  #status: HTMLElement;
  #log: HTMLElement;
  #run: Run | null = null;
  #onMessage = (event: MessageEvent): void => this.#receive(event);

  constructor(options: RunnerOptions, bundle: MonacoBundle, monaco: typeof Monaco) {
    this.#options = options;
    this.#bundle = bundle;
    this.#monaco = monaco;
    configureTypeScript(bundle);
    if (!document.querySelector('style[data-runner-css]')) {
      const style = document.createElement('style');
      style.dataset['runnerCss'] = '';
      style.textContent = RUNNER_CSS;
      document.head.append(style);
    }
    const root = document.createElement('div');
    root.className = 'sinch-runner';
    const bar = document.createElement('div');
    bar.className = 'sinch-runner-bar';
    this.#runButton = this.#button('Run in browser', () => void this.#start());
    this.#runButton.classList.add('sinch-runner-primary');
    this.#stopButton = this.#button('Stop', () => this.#end('stopped'));
    this.#stopButton.disabled = true;
    const note = document.createElement('span');
    note.className = 'sinch-runner-note';
    note.textContent = `Runs in a sandbox in this page; its requests go through the playground proxy (at most ${RUN_LIMITS.requests} per run, ${RUN_LIMITS.timeMs / 1000} s).`;
    bar.append(this.#runButton, this.#stopButton, note);
    const editorHost = document.createElement('div');
    editorHost.className = 'sinch-runner-editor';
    this.#problems = document.createElement('p');
    this.#problems.className = 'sinch-runner-problems';
    this.#problems.setAttribute('aria-live', 'polite');
    const output = document.createElement('section');
    output.className = 'sinch-runner-output';
    output.setAttribute('role', 'region');
    output.setAttribute('aria-label', 'Run output');
    this.#status = document.createElement('p');
    this.#status.setAttribute('role', 'status');
    this.#status.setAttribute('aria-live', 'polite');
    this.#status.textContent = 'Not run yet.';
    this.#log = document.createElement('pre');
    this.#log.className = 'sinch-runner-log';
    this.#log.tabIndex = 0;
    this.#log.setAttribute('aria-label', 'Run log');
    output.append(this.#status, this.#log);
    root.append(bar, editorHost, this.#problems, output);
    options.host.append(root);

    this.#model = monaco.editor.createModel(
      options.code,
      'typescript',
      monaco.Uri.parse(`file:///runner/${encodeURIComponent(options.name)}.ts`),
    );
    this.#editor = monaco.editor.create(editorHost, {
      model: this.#model,
      theme: bundle.themeName(),
      minimap: { enabled: false },
      automaticLayout: true,
      scrollBeyondLastLine: false,
      fontSize: 13,
      ariaLabel: 'TypeScript code',
      tabSize: 2,
    });
    monaco.editor.onDidChangeMarkers((uris) => {
      if (uris.some((uri) => uri.toString() === this.#model.uri.toString())) this.#showProblems();
    });
    this.#editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => void this.#start());
    this.focus();
    // The checker takes a few seconds to start; say so, and say when it is ready.
    this.#problems.textContent = 'Loading the type checker…';
    void this.#diagnostics().then(
      () => this.#showProblems(),
      (error: unknown) => {
        this.#problems.textContent = `The type checker could not start: ${String(error)}`;
      },
    );
  }

  /** Moves focus into the editor. */
  focus(): void {
    this.#editor.focus();
  }

  #button(label: string, onClick: () => void): HTMLButtonElement {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sinch-runner-button';
    button.textContent = label;
    button.addEventListener('click', onClick);
    return button;
  }

  #showProblems(): void {
    const markers = this.#monaco.editor
      .getModelMarkers({ resource: this.#model.uri })
      .filter((marker) => marker.severity === this.#monaco.MarkerSeverity.Error);
    this.#problems.textContent =
      markers.length === 0
        ? 'No type errors.'
        : markers.map((marker) => `Line ${marker.startLineNumber}: ${marker.message}`).join('\n');
    this.#problems.dataset['state'] = markers.length === 0 ? 'ok' : 'error';
  }

  #line(text: string, kind: 'log' | 'warn' | 'error' | 'request' | 'response' | 'hint'): void {
    const line = document.createElement('span');
    line.className = 'sinch-runner-line';
    line.dataset['kind'] = kind;
    line.textContent = `${text}\n`;
    this.#log.append(line);
    this.#log.scrollTop = this.#log.scrollHeight;
  }

  /** The code's errors, straight from the TypeScript worker. */
  async #diagnostics() {
    const worker = await (await typeScriptWorker(this.#bundle))(this.#model.uri);
    const file = this.#model.uri.toString();
    const diagnostics = [
      ...(await worker.getSyntacticDiagnostics(file)),
      ...(await worker.getSemanticDiagnostics(file)),
    ].filter((diagnostic) => diagnostic.category === 1);
    return { worker, file, diagnostics };
  }

  /** Type-checks and compiles the code; the JavaScript, or null after reporting the errors. */
  async #compile(): Promise<string | null> {
    const { worker, file, diagnostics } = await this.#diagnostics();
    if (diagnostics.length > 0) {
      this.#status.textContent = `Not run: fix ${diagnostics.length === 1 ? 'the type error' : `${diagnostics.length} type errors`} first.`;
      for (const diagnostic of diagnostics) {
        const line = this.#model.getPositionAt(diagnostic.start ?? 0).lineNumber;
        this.#line(`Line ${line}: ${diagnosticText(diagnostic.messageText)}`, 'error');
      }
      return null;
    }
    const output = await worker.getEmitOutput(file);
    return output.outputFiles.find((entry) => entry.name.endsWith('.js'))?.text ?? null;
  }

  async #start(): Promise<void> {
    if (this.#run || this.#runButton.disabled) return;
    this.#runButton.disabled = true;
    this.#log.replaceChildren();
    this.#status.textContent = 'Checking types…';
    const code = await this.#compile().catch((error: unknown) => {
      this.#status.textContent = `Not run: the code could not be compiled (${String(error)}).`;
      return null;
    });
    if (code === null) {
      this.#runButton.disabled = false;
      return;
    }
    const credentials = this.#options.credentials();
    const iframe = document.createElement('iframe');
    iframe.setAttribute('sandbox', 'allow-scripts');
    iframe.title = 'Code sandbox';
    iframe.hidden = true;
    iframe.srcdoc = sandboxDocument();
    this.#run = {
      iframe,
      credentials,
      allowance: new RequestAllowance(),
      controller: new AbortController(),
      started: performance.now(),
      timer: setTimeout(() => this.#end('time-limit'), RUN_LIMITS.timeMs),
      source: workerSource(code, sandboxEnv(this.#options.mode, credentials)),
    };
    window.addEventListener('message', this.#onMessage);
    this.#stopButton.disabled = false;
    this.#status.textContent = 'Running…';
    this.#options.host.append(iframe);
  }

  #post(message: PageMessage): void {
    this.#run?.iframe.contentWindow?.postMessage(message, '*');
  }

  #receive(event: MessageEvent): void {
    const run = this.#run;
    // Only the current run's own sandbox is listened to.
    if (!run || event.source === null || event.source !== run.iframe.contentWindow) return;
    const parsed = parseSandboxMessage(event.data);
    if (!parsed.ok)
      return this.#line(`Ignored a malformed message from the sandbox: ${parsed.reason}.`, 'warn');
    const message = parsed.message;
    switch (message.type) {
      case 'ready':
        return this.#post({ type: 'start', source: run.source });
      case 'console':
        return this.#line(
          message.text,
          message.level === 'error' ? 'error' : message.level === 'warn' ? 'warn' : 'log',
        );
      case 'error':
        return this.#line(message.message, 'error');
      case 'fetch':
        return void this.#bridge(run, message);
      case 'done':
        return this.#end('done', message.exitCode);
    }
  }

  /** Sends one fetch call of the sandbox through the proxy and replies with the outcome. */
  async #bridge(run: Run, call: SandboxFetch): Promise<void> {
    const refused = run.allowance.take();
    if (refused !== null) {
      this.#line(`${call.method} ${call.url}: ${refused}`, 'error');
      return this.#post({ type: 'failure', id: call.id, message: refused });
    }
    const converted = toProxyRequest(call, run.credentials);
    if (!converted.ok) {
      this.#line(`${call.method} ${call.url}: ${converted.message}`, 'error');
      return this.#post({ type: 'failure', id: call.id, message: converted.message });
    }
    const { request } = converted;
    this.#line(`→ ${request.method} ${call.url}`, 'request');
    const outcome = await this.#options
      .send(request, run.controller.signal)
      .catch((error: unknown): Outcome => ({ kind: 'network', message: String(error) }));
    if (this.#run !== run) return;
    if (outcome.kind === 'response') {
      const { envelope } = outcome;
      this.#line(
        `← ${envelope.status} ${statusText(envelope.status, envelope.statusText)} (${Math.round(envelope.durationMs)} ms)`,
        'response',
      );
      const body = displayBody(envelope).text;
      if (body !== '')
        this.#line(
          body.length > MAX_SHOWN_BODY ? `${body.slice(0, MAX_SHOWN_BODY)}… (cut)` : body,
          'log',
        );
    } else if (outcome.kind === 'proxy-error') {
      this.#line(`← ${outcome.status} ${outcome.error.code}: ${outcome.error.message}`, 'error');
    } else {
      this.#line(`← Network error: ${outcome.message}`, 'error');
    }
    const hint = hintFor(outcome, request.auth.type === 'basic');
    if (hint && hint.tone !== 'success') this.#line(hint.text, 'hint');
    this.#post(replyFor(call.id, outcome));
  }

  /** Ends the current run: the sandbox (and its worker) is removed and pending requests cancelled. */
  #end(reason: 'done' | 'stopped' | 'time-limit', exitCode = 0): void {
    const run = this.#run;
    if (!run) return;
    this.#post({ type: 'stop' });
    this.#run = null;
    clearTimeout(run.timer);
    run.controller.abort();
    run.iframe.remove();
    window.removeEventListener('message', this.#onMessage);
    const stopHadFocus = document.activeElement === this.#stopButton;
    this.#stopButton.disabled = true;
    this.#runButton.disabled = false;
    if (stopHadFocus) this.#runButton.focus();
    this.#status.textContent = endOfRunText(reason, performance.now() - run.started, exitCode);
  }
}

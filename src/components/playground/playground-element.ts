/**
 * <sinch-playground>: wires the server-rendered markup to the pure modules. Every keystroke
 * rebuilds the one request model and the visible snippet; "Send request" posts that same model
 * to /api/proxy.
 */
import type { OperationModel } from '../../lib/openapi/types.ts';
import {
  EMPTY_CREDENTIALS,
  forgetCredentials,
  loadCredentials,
  saveCredentials,
  type StoredCredentials,
} from '../../lib/playground/credentials.ts';
import {
  displayBody,
  formatBytes,
  hintFor,
  readProxyAnswer,
  statusClass,
  statusText,
  type Outcome,
} from '../../lib/playground/outcome.ts';
import { mockBaseUrl, tokenUrlFor } from '../../lib/playground/servers.ts';
import { decodeSharedState, encodeSharedState } from '../../lib/playground/share-link.ts';
import { TokenCache } from '../../lib/playground/token-cache.ts';
import { checkParameter } from '../../lib/playground/validate.ts';
import { validateBasicCredentials } from '../../lib/request/basic.ts';
import { buildRequest } from '../../lib/request/build.ts';
import type { FieldError } from '../../lib/request/errors.ts';
import type { HttpRequest, ParameterValues, RequestAuth } from '../../lib/request/types.ts';
import { SNIPPET_TARGETS } from '../../lib/snippets/index.ts';
import type { SnippetAuth } from '../../lib/snippets/types.ts';

interface Model {
  operation: OperationModel;
  defaults: ParameterValues;
  server: 'sinch' | 'mock';
  auth: 'basic' | 'oauth2';
}

const CREDENTIALS_EVENT = 'sinch-playground:credentials';
const DEMO = { projectId: 'demo-project', keyId: 'demo-key', keySecret: 'demo-secret' };
const PLACEHOLDER = {
  projectId: 'YOUR_PROJECT_ID',
  keyId: 'YOUR_KEY_ID',
  keySecret: 'YOUR_KEY_SECRET',
};
const MASK = '••••••••';
/** Tokens are shared by every playground on the page, in memory only. */
const tokens = new TokenCache();

let highlighter: Promise<typeof import('./highlight.ts')> | undefined;
/** Loads the highlighter once, after first paint. */
function loadHighlighter(): Promise<typeof import('./highlight.ts')> {
  highlighter ??= import('./highlight.ts');
  return highlighter;
}

class SinchPlayground extends HTMLElement {
  #model!: Model;
  #target = SNIPPET_TARGETS[0]!.id;
  #revealed = false;
  #inFlight: AbortController | undefined;
  #lastBody = '';
  #renderId = 0;

  connectedCallback(): void {
    const data = this.querySelector('script[data-model]')?.textContent ?? '{}';
    this.#model = JSON.parse(data) as Model;
    this.#restore();
    this.addEventListener('input', (event) => this.#onInput(event));
    this.addEventListener('change', (event) => this.#onInput(event));
    this.addEventListener('click', (event) => this.#onClick(event));
    this.addEventListener('keydown', (event) => this.#onKeydown(event));
    for (const type of ['pointerenter', 'focusin'] as const)
      this.addEventListener(type, () => void loadHighlighter().then(() => this.#renderSnippet()), {
        once: true,
      });
    // Other playgrounds follow once the browser is idle, so the one being typed in updates alone.
    let pending = false;
    window.addEventListener(CREDENTIALS_EVENT, (event) => {
      if ((event as CustomEvent).detail === this || pending) return;
      pending = true;
      const follow = (): void => {
        pending = false;
        this.#fillCredentials(loadCredentials(sessionStorage, localStorage));
      };
      if ('requestIdleCallback' in window) requestIdleCallback(follow, { timeout: 200 });
      else setTimeout(follow, 1);
    });
    this.querySelector<HTMLTextAreaElement>('textarea[name="body"]')?.addEventListener(
      'focus',
      () => void this.#openEditor(),
      { once: true },
    );
    this.#update(false);
  }

  // ---- element lookups -------------------------------------------------------------------

  #input(name: string): HTMLInputElement {
    return this.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
  }

  #all<T extends Element>(selector: string): T[] {
    return [...this.querySelectorAll<T>(selector)];
  }

  // ---- state ---------------------------------------------------------------------------------

  #credentials(): StoredCredentials {
    return {
      projectId: this.#input('projectId').value,
      keyId: this.#input('keyId').value,
      keySecret: this.#input('keySecret').value,
      remember: this.#input('remember').checked,
    };
  }

  #fillCredentials(value: StoredCredentials): void {
    this.#input('projectId').value = value.projectId;
    this.#input('keyId').value = value.keyId;
    this.#input('keySecret').value = value.keySecret;
    this.#input('remember').checked = value.remember;
    this.#update(false);
  }

  #server(): string {
    return this.querySelector<HTMLSelectElement>('select[name="server"]')!.value;
  }

  #authMode(): 'basic' | 'oauth2' {
    return this.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.value === 'oauth2'
      ? 'oauth2'
      : 'basic';
  }

  #params(): ParameterValues {
    const values: Record<string, string | string[]> = {};
    for (const field of this.#all<HTMLElement>('[data-param]')) {
      const name = field.dataset['param']!;
      const boxes = [...field.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
      if (boxes.length > 0)
        values[name] = boxes.filter((box) => box.checked).map((box) => box.value);
      else
        values[name] = field.querySelector<HTMLInputElement | HTMLSelectElement>(
          'input, select',
        )!.value;
    }
    return values;
  }

  #body(): string | null {
    const textarea = this.querySelector<HTMLTextAreaElement>('textarea[name="body"]');
    return textarea ? textarea.value : null;
  }

  #serverUrl(): string {
    const server = this.#server();
    const sinch = this.#model.operation.servers[0]?.url ?? 'https://numbers.api.sinch.com';
    return server === 'mock' ? mockBaseUrl(sinch, location.origin) : server;
  }

  #tokenUrl(): string {
    return tokenUrlFor(
      this.#server(),
      this.#model.operation.tokenUrl ?? 'https://auth.sinch.com/oauth2/token',
      location.origin,
    );
  }

  /** Builds the request; `forSend` uses the typed values only, otherwise placeholders fill gaps. */
  #build(forSend: boolean, auth?: RequestAuth) {
    const credentials = this.#credentials();
    const fill = (value: string, placeholder: string): string =>
      forSend || value !== '' ? value : placeholder;
    const projectId = fill(credentials.projectId, PLACEHOLDER.projectId);
    const keyId = fill(credentials.keyId, PLACEHOLDER.keyId);
    const keySecret =
      forSend || credentials.keyId !== '' ? credentials.keySecret : PLACEHOLDER.keySecret;
    const result = buildRequest({
      operation: this.#model.operation,
      serverUrl: this.#serverUrl(),
      params: { ...this.#params(), projectId },
      body: this.#body(),
      auth: auth ?? { type: 'basic', username: keyId, password: keySecret },
    });
    return { result, projectId, keyId, keySecret };
  }

  // ---- rendering -------------------------------------------------------------------------

  /** Re-validates, re-renders the visible snippet, and stores credentials and the share link. */
  #update(persist: boolean): void {
    const credentials = this.#credentials();
    this.querySelector<HTMLButtonElement>('[data-action="demo"]')!.hidden =
      this.#server() !== 'mock';
    this.querySelector<HTMLElement>('[data-basic-warning]')!.hidden = this.#authMode() !== 'basic';
    const credentialErrors =
      credentials.keyId === '' && credentials.keySecret === ''
        ? []
        : validateBasicCredentials(credentials.keyId || 'x', credentials.keySecret).filter(
            (error) => credentials.keyId !== '' || error.field !== 'keyId',
          );
    this.#showCredentialErrors(credentialErrors);
    this.#showParameterErrors();
    this.#renderSnippet();
    if (persist) {
      saveCredentials(credentials, sessionStorage, localStorage);
      window.dispatchEvent(new CustomEvent(CREDENTIALS_EVENT, { detail: this }));
    }
  }

  #showCredentialErrors(errors: FieldError[]): void {
    const text = errors.map((error) => error.message).join(' ');
    this.querySelector('[id$="-credentials-error"]')!.textContent = text;
    for (const field of ['keyId', 'keySecret'])
      this.#input(field).setAttribute(
        'aria-invalid',
        String(errors.some((error) => error.field === field)),
      );
  }

  #showParameterErrors(): void {
    const params = this.#params();
    for (const parameter of this.#model.operation.parameters) {
      const field = this.querySelector<HTMLElement>(`[data-param="${CSS.escape(parameter.name)}"]`);
      if (!field) continue;
      const value = params[parameter.name];
      const message = typeof value === 'string' ? checkParameter(parameter, value) : null;
      field.querySelector('.field-error')!.textContent = message ?? '';
      field
        .querySelector('input:not([type="checkbox"]), select')
        ?.setAttribute('aria-invalid', String(message !== null));
    }
  }

  /** The snippet text for a target; `forCopy` writes the real secret, otherwise it is masked. */
  #snippet(targetId: string, forCopy: boolean): string | null {
    const { result, projectId, keyId, keySecret } = this.#build(false);
    if (!result.ok) return null;
    const secret =
      forCopy || this.#revealed || keySecret === PLACEHOLDER.keySecret || keySecret === ''
        ? keySecret
        : MASK;
    const auth: SnippetAuth =
      this.#authMode() === 'oauth2'
        ? { type: 'oauth2', keyId, keySecret: secret, tokenUrl: this.#tokenUrl() }
        : { type: 'basic', keyId, keySecret: secret };
    const target = SNIPPET_TARGETS.find((candidate) => candidate.id === targetId)!;
    return target.generate({
      request: result.value,
      auth,
      credentialMode: this.#input('env').checked ? 'env' : 'inline',
      projectId,
      ...(this.#model.operation.responseSchema
        ? { responseSchema: this.#model.operation.responseSchema }
        : {}),
      responseTypeName: `${this.#model.operation.id[0]!.toUpperCase()}${this.#model.operation.id.slice(1)}Response`,
    });
  }

  #renderSnippet(): void {
    const text = this.#snippet(this.#target, false);
    const panel = this.querySelector<HTMLElement>(`[data-panel="${this.#target}"] [data-code]`)!;
    if (text === null) return;
    const renderId = ++this.#renderId;
    // Showing this text already, highlighted or with no highlighter to apply: nothing to do.
    const unchanged = panel.textContent === text;
    const highlighted = panel.firstElementChild?.classList.contains('shiki') === true;
    if (unchanged && (highlighted || !highlighter)) return;
    if (!unchanged) {
      const pre = document.createElement('pre');
      pre.textContent = text;
      panel.replaceChildren(pre);
    }
    if (!highlighter) return;
    const language = SNIPPET_TARGETS.find((target) => target.id === this.#target)!.language;
    void highlighter
      .then(({ highlight }) => highlight(text, language))
      .then((html) => {
        if (renderId === this.#renderId) panel.innerHTML = html;
      });
  }

  // ---- events ----------------------------------------------------------------------------

  #onInput(event: Event): void {
    const target = event.target as HTMLInputElement;
    if (target.name === 'body' && event.type === 'input') this.#lastBody = target.value;
    const persist = ['projectId', 'keyId', 'keySecret', 'remember'].includes(target.name);
    this.#update(persist);
    if (!persist) this.#writeShareLink();
  }

  #onClick(event: Event): void {
    const button = (event.target as HTMLElement).closest('button');
    if (!button || !this.contains(button)) return;
    if (button.getAttribute('role') === 'tab') return this.#selectTab(button.dataset['target']!);
    const actions: Record<string, () => void> = {
      reveal: () => {
        this.#revealed = !this.#revealed;
        this.#input('keySecret').type = this.#revealed ? 'text' : 'password';
        button.setAttribute('aria-pressed', String(this.#revealed));
        button.textContent = this.#revealed ? 'Hide secret' : 'Show secret';
        this.#renderSnippet();
      },
      demo: () => {
        this.#fillCredentials({ ...this.#credentials(), ...DEMO });
        this.#update(true);
      },
      forget: () => {
        forgetCredentials(sessionStorage, localStorage);
        tokens.clear();
        this.#fillCredentials(EMPTY_CREDENTIALS);
        window.dispatchEvent(new CustomEvent(CREDENTIALS_EVENT, { detail: this }));
        this.#announce('Credentials forgotten: removed from this tab and this device.');
      },
      copy: () => void this.#copy(button.dataset['copy']!),
      send: () => void this.#send(),
      cancel: () => this.#inFlight?.abort(),
      'use-mock': () => {
        this.querySelector<HTMLSelectElement>('select[name="server"]')!.value = 'mock';
        this.#update(false);
        this.#writeShareLink();
        this.querySelector<HTMLButtonElement>('[data-action="demo"]')!.focus();
      },
      'copy-response': () =>
        void navigator.clipboard
          .writeText(this.#lastBody)
          .then(() => this.#announce('Response copied.')),
      download: () => this.#download(),
      'edit-and-run': () => void this.#openRunner(),
    };
    actions[button.dataset['action'] ?? '']?.();
  }

  #onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void this.#send();
      return;
    }
    const tab = (event.target as HTMLElement).closest('[role="tab"]');
    if (!tab || !['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    event.preventDefault();
    const ids = SNIPPET_TARGETS.map((target) => target.id);
    const index = ids.indexOf(this.#target);
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? ids.length - 1
          : (index + (event.key === 'ArrowRight' ? 1 : -1) + ids.length) % ids.length;
    this.#selectTab(ids[next]!);
    this.querySelector<HTMLElement>(`[role="tab"][data-target="${ids[next]}"]`)!.focus();
  }

  #selectTab(id: string): void {
    this.#target = id;
    for (const tab of this.#all<HTMLElement>('[role="tab"]')) {
      const selected = tab.dataset['target'] === id;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
    }
    for (const panel of this.#all<HTMLElement>('[role="tabpanel"]'))
      panel.hidden = panel.dataset['panel'] !== id;
    this.#renderSnippet();
  }

  async #copy(targetId: string): Promise<void> {
    const text = this.#snippet(targetId, true);
    if (text === null) return this.#announce('Fix the highlighted fields first.');
    await navigator.clipboard.writeText(text);
    const label = SNIPPET_TARGETS.find((target) => target.id === targetId)!.label;
    this.#announce(`Copied the ${label} snippet.`);
    const button = this.querySelector<HTMLButtonElement>(`[data-copy="${targetId}"]`)!;
    button.textContent = 'Copied';
    setTimeout(() => (button.textContent = 'Copy'), 1500);
  }

  #announce(message: string): void {
    this.querySelector('[data-copy-status]')!.textContent = message;
  }

  #download(): void {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([this.#lastBody], { type: 'application/json' }));
    link.download = `${this.#model.operation.id}-response.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  // ---- sending ---------------------------------------------------------------------------

  async #send(): Promise<void> {
    if (this.#inFlight) return;
    const credentials = this.#credentials();
    const status = this.querySelector<HTMLElement>('[data-status]')!;
    const errors = validateBasicCredentials(credentials.keyId, credentials.keySecret);
    const check = this.#build(true);
    const all = [...errors, ...(check.result.ok ? [] : check.result.errors)];
    if (credentials.projectId === '' && this.#model.operation.path.includes('{projectId}'))
      all.unshift({ field: 'projectId', message: 'Project ID is empty.' });
    if (all.length > 0) {
      status.textContent = `Cannot send: ${[...new Set(all.map((error) => error.message))].join(' ')}`;
      const first = all[0]!.field;
      (
        this.querySelector<HTMLElement>(`[name="${CSS.escape(first)}"]`) ?? this.#input('keyId')
      ).focus();
      return;
    }
    const controller = new AbortController();
    this.#inFlight = controller;
    const sendButton = this.querySelector<HTMLButtonElement>('[data-action="send"]')!;
    const cancelButton = this.querySelector<HTMLButtonElement>('[data-action="cancel"]')!;
    sendButton.disabled = true;
    sendButton.textContent = 'Sending…';
    cancelButton.hidden = false;
    status.textContent = 'Sending request…';
    const usedBasic = this.#authMode() === 'basic';
    try {
      let auth: RequestAuth = {
        type: 'basic',
        username: credentials.keyId,
        password: credentials.keySecret,
      };
      if (!usedBasic) {
        const token = await this.#token(credentials, controller.signal);
        if (typeof token !== 'string') return this.#showOutcome(token, false, 'Token request');
        auth = { type: 'bearer', token };
      }
      const { result } = this.#build(true, auth);
      if (!result.ok) return;
      this.#showOutcome(await this.#proxy(result.value, controller.signal), usedBasic);
    } catch (error) {
      if ((error as Error).name === 'AbortError') {
        status.textContent = 'Request cancelled.';
      } else {
        this.#showOutcome({ kind: 'network', message: (error as Error).message }, usedBasic);
      }
    } finally {
      this.#inFlight = undefined;
      sendButton.disabled = false;
      sendButton.textContent = 'Send request';
      cancelButton.hidden = true;
      if (
        this.contains(document.activeElement) === false ||
        document.activeElement === cancelButton
      )
        sendButton.focus();
    }
  }

  async #proxy(request: HttpRequest, signal: AbortSignal): Promise<Outcome> {
    const response = await fetch('/api/proxy', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
      signal,
    });
    return readProxyAnswer(response);
  }

  /** A cached or freshly fetched OAuth2 token, or the failed outcome of the token call. */
  async #token(credentials: StoredCredentials, signal: AbortSignal): Promise<string | Outcome> {
    const tokenUrl = this.#tokenUrl();
    const cached = tokens.get(tokenUrl, credentials.keyId, Date.now());
    if (cached) return cached;
    const outcome = await this.#proxy(
      {
        method: 'POST',
        url: tokenUrl,
        headers: {
          Accept: 'application/json',
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials',
        auth: { type: 'basic', username: credentials.keyId, password: credentials.keySecret },
      },
      signal,
    );
    if (outcome.kind !== 'response' || outcome.envelope.status !== 200) return outcome;
    const data = JSON.parse(outcome.envelope.body) as {
      access_token?: string;
      expires_in?: number;
    };
    if (!data.access_token) return outcome;
    tokens.set(tokenUrl, credentials.keyId, data.access_token, data.expires_in ?? 3600, Date.now());
    return data.access_token;
  }

  #showOutcome(outcome: Outcome, usedBasic: boolean, prefix = 'Response'): void {
    const result = this.querySelector<HTMLElement>('[data-result]')!;
    const status = this.querySelector<HTMLElement>('[data-status]')!;
    const code = this.querySelector<HTMLElement>('[data-status-code]')!;
    const meta = this.querySelector<HTMLElement>('[data-meta]')!;
    const headers = this.querySelector<HTMLElement>('[data-headers]')!;
    const body = this.querySelector<HTMLElement>('[data-body]')!;
    const hintBox = this.querySelector<HTMLElement>('[data-hint]')!;
    result.hidden = false;
    headers.replaceChildren();
    const pre = document.createElement('pre');
    let language: string | null = null;
    if (outcome.kind === 'response') {
      const { envelope } = outcome;
      const reason = statusText(envelope.status, envelope.statusText);
      code.textContent = `${envelope.status} ${reason}`;
      code.dataset['statusClass'] = statusClass(envelope.status);
      meta.textContent = `${Math.round(envelope.durationMs)} ms · ${formatBytes(envelope.sizeBytes)}${envelope.truncated ? ' · truncated' : ''}`;
      for (const [name, value] of Object.entries(envelope.headers)) {
        const dt = document.createElement('dt');
        dt.textContent = name;
        const dd = document.createElement('dd');
        dd.textContent = value;
        headers.append(dt, dd);
      }
      const shown = displayBody(envelope);
      pre.textContent = shown.text;
      this.#lastBody = shown.text;
      if (shown.isJson) language = 'json';
      status.textContent = `${prefix}: ${envelope.status} ${reason}, ${Math.round(envelope.durationMs)} ms.`;
    } else if (outcome.kind === 'proxy-error') {
      code.textContent = `${outcome.status} ${outcome.error.code}`;
      code.dataset['statusClass'] = statusClass(outcome.status);
      meta.textContent = 'from the playground proxy';
      pre.textContent = JSON.stringify({ error: outcome.error }, null, 2);
      this.#lastBody = pre.textContent;
      status.textContent = `${prefix} failed: ${outcome.error.message}`;
    } else {
      code.textContent = 'Network error';
      code.dataset['statusClass'] = 'server-error';
      meta.textContent = '';
      pre.textContent = outcome.message;
      this.#lastBody = outcome.message;
      status.textContent = `${prefix} failed: network error.`;
    }
    body.replaceChildren(pre);
    const hint = hintFor(outcome, usedBasic);
    hintBox.hidden = hint === null;
    hintBox.textContent = hint?.text ?? '';
    hintBox.dataset['tone'] = hint?.tone ?? '';
    this.querySelector<HTMLButtonElement>('[data-action="use-mock"]')!.hidden = !hint?.offerMock;
    if (language) {
      const text = pre.textContent;
      void loadHighlighter()
        .then(({ highlight }) => highlight(text, 'json'))
        .then((html) => {
          if (body.firstChild === pre) body.innerHTML = html;
        });
    }
  }

  // ---- restore and share -----------------------------------------------------------------

  #restore(): void {
    const stored = loadCredentials(sessionStorage, localStorage);
    this.#input('projectId').value = stored.projectId;
    this.#input('keyId').value = stored.keyId;
    this.#input('keySecret').value = stored.keySecret;
    this.#input('remember').checked = stored.remember;
    const select = this.querySelector<HTMLSelectElement>('select[name="server"]')!;
    select.value =
      this.#model.server === 'mock' ? 'mock' : (this.#model.operation.servers[0]?.url ?? 'mock');
    const shared = decodeSharedState(location.hash);
    if (!shared || shared.operation !== this.#model.operation.id) return;
    if ([...select.options].some((option) => option.value === shared.server))
      select.value = shared.server;
    this.querySelector<HTMLInputElement>(`input[type="radio"][value="${shared.auth}"]`)!.checked =
      true;
    for (const field of this.#all<HTMLElement>('[data-param]')) {
      const value = shared.params[field.dataset['param']!];
      if (value === undefined) continue;
      const list = typeof value === 'string' ? [value] : value;
      const boxes = [...field.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
      if (boxes.length > 0) for (const box of boxes) box.checked = list.includes(box.value);
      else
        field.querySelector<HTMLInputElement | HTMLSelectElement>('input, select')!.value =
          list[0] ?? '';
    }
    this.scrollIntoView({ block: 'start' });
  }

  #writeShareLink(): void {
    const hash = encodeSharedState({
      operation: this.#model.operation.id,
      server: this.#server(),
      auth: this.#authMode(),
      params: this.#params(),
    });
    history.replaceState(null, '', hash);
  }

  // ---- runner ----------------------------------------------------------------------------

  /** Loads the in-browser runner on first use and opens it on the TypeScript snippet. */
  async #openRunner(): Promise<void> {
    const code = this.#snippet('typescript', true);
    if (code === null) return this.#announce('Fix the highlighted fields first.');
    const { openRunner } = await import('../runner/runner.ts');
    openRunner({
      host: this.querySelector<HTMLElement>('[data-panel="typescript"]')!,
      name: this.#model.operation.id,
      code,
      mode: this.#input('env').checked ? 'env' : 'inline',
      credentials: () => this.#credentials(),
      send: (request, signal) => this.#proxy(request, signal),
    });
  }

  // ---- body editor -----------------------------------------------------------------------

  async #openEditor(): Promise<void> {
    const textarea = this.querySelector<HTMLTextAreaElement>('textarea[name="body"]')!;
    const host = this.querySelector<HTMLElement>('[data-monaco]')!;
    const { mountJsonEditor } = await import('./json-editor.ts');
    await mountJsonEditor({
      host,
      textarea,
      schema: this.#model.operation.requestBody?.schema ?? {},
      modelUri: `inmemory://playground/${this.#model.operation.id}.json`,
      onChange: (value, problems) => {
        textarea.value = value;
        this.querySelector('[id$="-body-error"]')!.textContent = problems;
        this.#update(false);
      },
    });
  }
}

customElements.define('sinch-playground', SinchPlayground);

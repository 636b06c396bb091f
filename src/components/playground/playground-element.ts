/**
 * <sinch-playground>: wires the server-rendered markup to its parts. Every keystroke rebuilds
 * the one request model and the visible snippet; "Send request" posts that same model to
 * /api/proxy. Form fields, snippet tabs and the response panel each have their own module; the
 * logic they share is DOM-free, in lib/playground.
 */
import {
  EMPTY_CREDENTIALS,
  forgetCredentials,
  loadCredentials,
  saveCredentials,
} from '../../lib/playground/credentials.ts';
import { usesAccessKey } from '../../lib/playground/auth.ts';
import type { JsonSchema } from '../../lib/openapi/types.ts';
import {
  bodyTextSchema,
  chosenMediaType,
  credentialProblems,
  snippetInput,
} from '../../lib/playground/form-state.ts';
import type { PlaygroundModel } from '../../lib/playground/props.ts';
import { MOCK_SERVER } from '../../lib/playground/servers.ts';
import { TokenCache } from '../../lib/playground/token-cache.ts';
import { DEMO_CREDENTIALS } from '../../lib/request/sample-credentials.ts';
import { generateSnippet } from '../../lib/snippets/index.ts';
import type { ConfirmDialog } from './confirm-dialog.ts';
import { PlaygroundForm } from './form-fields.ts';
import { loadHighlighter } from './highlighter.ts';
import type { ResponseView } from './response-view.ts';
import { SnippetTabs } from './snippet-tabs.ts';

/** Fired on window when one playground changed the shared credentials. */
const CREDENTIALS_EVENT = 'sinch-playground:credentials';
/** Tokens are shared by every playground on the page, in memory only. */
const tokens = new TokenCache();
/** The sending half of the element, fetched on first use (the browser caches the module). */
const loadSendStep = () => import('./send-step.ts');
/** Fields whose change is stored and shared with the other playgrounds (not put in the link). */
const CREDENTIAL_FIELDS = ['projectId', 'keyId', 'keySecret', 'remember'];

class SinchPlayground extends HTMLElement {
  #model!: PlaygroundModel;
  #form!: PlaygroundForm;
  #tabs!: SnippetTabs;
  /** Built on the first send, with the module that sends (see send-step.ts). */
  #response: ResponseView | undefined;
  #confirm: ConfirmDialog | undefined;
  #inFlight: AbortController | undefined;
  /** Writes a replaced body into the JSON editor, once it is open. */
  #setEditorText: ((text: string, schema: JsonSchema) => void) | undefined;

  connectedCallback(): void {
    const data = this.querySelector('script[data-model]')?.textContent ?? '{}';
    this.#model = JSON.parse(data) as PlaygroundModel;
    this.#form = new PlaygroundForm(this, this.#model);
    // Fetch the sending half as soon as the reader starts on this playground, not at load.
    this.addEventListener('focusin', () => void loadSendStep(), { once: true });
    this.#tabs = new SnippetTabs(
      this,
      (targetId, forCopy) => this.#snippet(targetId, forCopy),
      (message) => this.#announce(message),
    );
    if (this.#form.restore(loadCredentials(sessionStorage, localStorage), location.hash))
      this.scrollIntoView({ block: 'start' });
    this.addEventListener('input', (event) => this.#onInput(event));
    this.addEventListener('change', (event) => this.#onInput(event));
    this.addEventListener('click', (event) => this.#onClick(event));
    this.addEventListener('keydown', (event) => this.#onKeydown(event));
    for (const type of ['pointerenter', 'focusin'] as const)
      this.addEventListener(type, () => void loadHighlighter().then(() => this.#tabs.render()), {
        once: true,
      });
    this.#followOtherPlaygrounds();
    this.querySelector<HTMLTextAreaElement>('textarea[name="body"]')?.addEventListener(
      'focus',
      () =>
        void this.#openEditor().catch(() =>
          this.#announce('The code editor did not load; the plain text box still works.'),
        ),
      { once: true },
    );
    this.#update(false);
  }

  /** Other playgrounds take new credentials once the browser is idle, so the one typed in updates alone. */
  #followOtherPlaygrounds(): void {
    let pending = false;
    window.addEventListener(CREDENTIALS_EVENT, (event) => {
      if ((event as CustomEvent).detail === this || pending) return;
      pending = true;
      const follow = (): void => {
        pending = false;
        this.#form.fillCredentials(loadCredentials(sessionStorage, localStorage));
        this.#update(false);
      };
      if ('requestIdleCallback' in window) requestIdleCallback(follow, { timeout: 200 });
      else setTimeout(follow, 1);
    });
  }

  /** Re-validates, re-renders the visible snippet, and stores and shares the credentials. */
  #update(persist: boolean): void {
    const credentials = this.#form.credentials();
    this.querySelector<HTMLButtonElement>('[data-action="demo"]')!.hidden =
      this.#form.server() !== MOCK_SERVER;
    this.#showAuthFields();
    this.#form.showServerVariables();
    this.#form.showCredentialProblems(credentialProblems(credentials));
    this.#form.showParameterProblems();
    this.#tabs.render();
    if (!persist) return;
    saveCredentials(credentials, sessionStorage, localStorage);
    window.dispatchEvent(new CustomEvent(CREDENTIALS_EVENT, { detail: this }));
  }

  /** Shows the Basic warning and the fields (access key, API token, API key) of the auth choice. */
  #showAuthFields(): void {
    const mode = this.#form.authMode();
    this.querySelector<HTMLElement>('[data-basic-warning]')!.hidden = mode !== 'basic';
    for (const group of this.querySelectorAll<HTMLElement>('[data-auth-fields]')) {
      const fields = group.dataset['authFields'];
      group.hidden = fields === 'key' ? !usesAccessKey(mode) : fields !== mode;
    }
  }

  /** The snippet text of a target; `forCopy` writes the real secret, otherwise it is masked. */
  #snippet(targetId: string, forCopy: boolean): string | null {
    const input = snippetInput(this.#model, this.#form.state(), location.origin, forCopy);
    return input.ok ? generateSnippet(targetId, input.value) : null;
  }

  #announce(message: string): void {
    this.querySelector('[data-copy-status]')!.textContent = message;
  }

  #onInput(event: Event): void {
    if (this.#onBodyControl(event)) return;
    const persist = CREDENTIAL_FIELDS.includes((event.target as HTMLInputElement).name);
    this.#update(persist);
    if (!persist) this.#form.writeShareLink();
  }

  /** File inputs, and the media-type and example pickers; true when the event is fully handled. */
  #onBodyControl(event: Event): boolean {
    const target = event.target as HTMLInputElement;
    if (target.type === 'file') {
      if (event.type === 'change') void this.#form.readFile(target).then(() => this.#update(false));
      return true;
    }
    const text = this.#form.switchBody(target);
    if (text !== null) this.#setEditorText?.(text, this.#bodySchema());
    return false;
  }

  #onClick(event: Event): void {
    const button = (event.target as HTMLElement).closest('button');
    if (!button || !this.contains(button)) return;
    if (button.getAttribute('role') === 'tab') return this.#tabs.select(button.dataset['target']!);
    const actions: Record<string, () => void> = {
      reveal: () => {
        const revealed = !this.#form.revealed;
        this.#form.revealed = revealed;
        for (const input of this.querySelectorAll<HTMLInputElement>('.secret-row input'))
          input.type = revealed ? 'text' : 'password';
        for (const toggle of this.querySelectorAll('[data-action="reveal"]')) {
          toggle.setAttribute('aria-pressed', String(revealed));
          toggle.textContent = revealed ? 'Hide secret' : 'Show secret';
        }
        this.#tabs.render();
      },
      demo: () => {
        this.#form.fillCredentials({ ...this.#form.credentials(), ...DEMO_CREDENTIALS });
        this.#update(true);
      },
      forget: () => {
        forgetCredentials(sessionStorage, localStorage);
        tokens.clear();
        this.#form.fillCredentials(EMPTY_CREDENTIALS);
        for (const input of this.querySelectorAll<HTMLInputElement>(
          '[name="token"], [name="apiKey"]',
        ))
          input.value = '';
        this.#update(false);
        window.dispatchEvent(new CustomEvent(CREDENTIALS_EVENT, { detail: this }));
        this.#announce('Credentials forgotten: removed from this tab and this device.');
      },
      copy: () => void this.#tabs.copy(button.dataset['copy']!),
      send: () => void this.#send(),
      cancel: () => this.#inFlight?.abort(),
      'use-mock': () => {
        this.#form.setServer(MOCK_SERVER);
        this.#update(false);
        this.#form.writeShareLink();
        this.querySelector<HTMLButtonElement>('[data-action="demo"]')!.focus();
      },
      'copy-response': () =>
        void this.#response?.copy().then(() => this.#announce('Response copied.')),
      download: () => this.#response?.download(),
      'edit-and-run': () =>
        void this.#openRunner().catch(() =>
          this.#announce('The code editor did not load; try "Edit and run" again.'),
        ),
    };
    actions[button.dataset['action'] ?? '']?.();
  }

  #onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void this.#send();
      return;
    }
    this.#tabs.onKeydown(event);
  }

  async #send(): Promise<void> {
    const step = await loadSendStep();
    if (this.#inFlight || this.#confirm?.open) return;
    const response = (this.#response ??= new step.ResponseView(this, this.#model.operation.id));
    const confirm = (this.#confirm ??= new step.ConfirmDialog(this));
    const state = this.#form.state();
    const problems = step.sendProblems(this.#model, state, location.origin);
    if (problems.length > 0) {
      response.status(step.sendProblemsText(problems));
      return this.#form.focusField(problems[0]!.field);
    }
    const confirmation = step.confirmationFor(this.#model.operation, state.server);
    if (confirmation && !(await confirm.ask(confirmation))) {
      response.status('Not sent: you cancelled the confirmation.');
      return;
    }
    const controller = new AbortController();
    this.#inFlight = controller;
    response.busy(true);
    const result = await step.sendPlaygroundRequest(this.#model, state, {
      origin: location.origin,
      fetch: (input, init) => fetch(input, init),
      tokens,
      signal: controller.signal,
    });
    if (result.kind === 'cancelled') response.status('Request cancelled.');
    else response.show(result.outcome, result.usedBasic, result.label);
    this.#inFlight = undefined;
    response.busy(false);
  }

  /** Loads the in-browser runner on first use and opens it on the TypeScript snippet. */
  async #openRunner(): Promise<void> {
    const code = this.#snippet('typescript', true);
    if (code === null) return this.#announce('Fix the highlighted fields first.');
    const [{ openRunner }, { postToProxy }] = await Promise.all([
      import('../runner/runner.ts'),
      loadSendStep(),
    ]);
    await openRunner({
      host: this.querySelector<HTMLElement>('[data-panel="typescript"]')!,
      name: this.#model.operation.id,
      code,
      mode: this.#form.state().useEnv ? 'env' : 'inline',
      credentials: () => this.#form.state().credentials,
      send: (request, signal) =>
        postToProxy(request, { fetch: (input, init) => fetch(input, init), signal }),
    });
  }

  /** The schema of the body text for the media type in use. */
  #bodySchema(): JsonSchema {
    return bodyTextSchema(chosenMediaType(this.#model.operation, this.#form.state().mediaType));
  }

  async #openEditor(): Promise<void> {
    const textarea = this.querySelector<HTMLTextAreaElement>('textarea[name="body"]')!;
    const { mountJsonEditor } = await import('./json-editor.ts');
    this.#setEditorText = await mountJsonEditor({
      host: this.querySelector<HTMLElement>('[data-monaco]')!,
      textarea,
      schema: this.#bodySchema(),
      modelUri: `inmemory://playground/${this.#model.operation.id}.json`,
      onChange: (value, problems) => {
        textarea.value = value;
        this.#form.showBodyProblems(problems);
        this.#update(false);
      },
    });
  }
}

customElements.define('sinch-playground', SinchPlayground);

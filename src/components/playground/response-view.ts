/**
 * Response panel of one playground: the send/cancel buttons while a request is in flight, the
 * outcome (status, timing, headers, body as text, advice), and copying or downloading the body.
 */
import {
  displayBody,
  formatBytes,
  hintFor,
  statusClass,
  statusText,
  type Outcome,
} from '../../lib/playground/outcome.ts';
import { loadHighlighter } from './highlighter.ts';

/** The response region and send row of one playground. */
export class ResponseView {
  readonly #root: HTMLElement;
  readonly #operationId: string;
  /** The body text last shown, for Copy response and Download. */
  #lastBody = '';

  constructor(root: HTMLElement, operationId: string) {
    this.#root = root;
    this.#operationId = operationId;
  }

  #find<T extends HTMLElement>(selector: string): T {
    return this.#root.querySelector<T>(selector)!;
  }

  /** Writes the live status line. */
  status(text: string): void {
    this.#find('[data-status]').textContent = text;
  }

  /** Disables Send and offers Cancel while a request is in flight, and back. */
  busy(busy: boolean): void {
    const send = this.#find<HTMLButtonElement>('[data-action="send"]');
    const cancel = this.#find<HTMLButtonElement>('[data-action="cancel"]');
    send.disabled = busy;
    send.textContent = busy ? 'Sending…' : 'Send request';
    cancel.hidden = !busy;
    if (busy) return this.status('Sending request…');
    if (!this.#root.contains(document.activeElement) || document.activeElement === cancel)
      send.focus();
  }

  /** Shows an outcome; `label` names the call ("Response" or "Token request"). */
  show(outcome: Outcome, usedBasic: boolean, label: string): void {
    const code = this.#find('[data-status-code]');
    const meta = this.#find('[data-meta]');
    const headers = this.#find('[data-headers]');
    const body = this.#find('[data-body]');
    this.#find('[data-result]').hidden = false;
    headers.replaceChildren();
    const pre = document.createElement('pre');
    let isJson = false;
    if (outcome.kind === 'response') {
      const { envelope } = outcome;
      const reason = statusText(envelope.status, envelope.statusText);
      code.textContent = `${envelope.status} ${reason}`;
      code.dataset['statusClass'] = statusClass(envelope.status);
      meta.textContent = `${Math.round(envelope.durationMs)} ms · ${formatBytes(envelope.sizeBytes)}`;
      for (const [name, value] of Object.entries(envelope.headers)) {
        const dt = document.createElement('dt');
        dt.textContent = name;
        const dd = document.createElement('dd');
        dd.textContent = value;
        headers.append(dt, dd);
      }
      const shown = displayBody(envelope);
      pre.textContent = shown.text;
      isJson = shown.isJson;
      this.status(`${label}: ${envelope.status} ${reason}, ${Math.round(envelope.durationMs)} ms.`);
    } else if (outcome.kind === 'proxy-error') {
      code.textContent = `${outcome.status} ${outcome.error.code}`;
      code.dataset['statusClass'] = statusClass(outcome.status);
      meta.textContent = 'from the playground proxy';
      pre.textContent = JSON.stringify({ error: outcome.error }, null, 2);
      this.status(`${label} failed: ${outcome.error.message}`);
    } else {
      code.textContent = 'Network error';
      code.dataset['statusClass'] = 'server-error';
      meta.textContent = '';
      pre.textContent = outcome.message;
      this.status(`${label} failed: network error.`);
    }
    this.#lastBody = pre.textContent;
    body.replaceChildren(pre);
    const hint = hintFor(outcome, usedBasic);
    const hintBox = this.#find('[data-hint]');
    hintBox.hidden = hint === null;
    hintBox.textContent = hint?.text ?? '';
    hintBox.dataset['tone'] = hint?.tone ?? '';
    this.#find('[data-action="use-mock"]').hidden = !hint?.offerMock;
    if (!isJson) return;
    const text = pre.textContent;
    void loadHighlighter()
      .then(({ highlight }) => highlight(text, 'json'))
      .then((html) => {
        if (body.firstChild === pre) body.innerHTML = html;
      });
  }

  /** Copies the body last shown. */
  async copy(): Promise<void> {
    await navigator.clipboard.writeText(this.#lastBody);
  }

  /** Saves the body last shown as `<operation>-response.json`. */
  download(): void {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([this.#lastBody], { type: 'application/json' }));
    link.download = `${this.#operationId}-response.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }
}

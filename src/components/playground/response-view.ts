/**
 * Response panel of one playground: the send/cancel buttons while a request is in flight, the
 * outcome (status, timing, headers, body as text or, for a binary answer, a download link with
 * a sensible file name, and advice), and copying or downloading the body.
 */
import {
  displayBody,
  formatBytes,
  hintFor,
  statusClass,
  statusText,
  type Outcome,
} from '../../lib/playground/outcome.ts';
import {
  downloadFileName,
  envelopeBytes,
  isDownloadBody,
  mediaTypeOf,
} from '../../lib/playground/response-body.ts';
import { loadHighlighter } from './highlighter.ts';

/** What Download saves: the answer's own bytes under a file name. */
interface Saved {
  bytes: Uint8Array<ArrayBuffer>;
  type: string;
  name: string;
}

/** The response region and send row of one playground. */
export class ResponseView {
  readonly #root: HTMLElement;
  readonly #operationId: string;
  /** The body text last shown, for Copy response. */
  #lastBody = '';
  /** The body last received, for Download. */
  #saved: Saved | null = null;
  /** The object URL of the current download link, revoked when the next outcome replaces it. */
  #linkUrl: string | null = null;

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
    let link: HTMLAnchorElement | null = null;
    this.#saved = null;
    if (this.#linkUrl !== null) URL.revokeObjectURL(this.#linkUrl);
    this.#linkUrl = null;
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
      this.#saved = {
        bytes: new Uint8Array(envelopeBytes(envelope)),
        type: mediaTypeOf(envelope.headers) || 'application/octet-stream',
        name: downloadFileName(envelope.headers, this.#operationId),
      };
      if (isDownloadBody(envelope)) link = this.#downloadLink(this.#saved);
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
    if (link) {
      // A one-line note in prose, wrapping at any width, with the link under it.
      const note = document.createElement('p');
      note.className = 'binary-note';
      note.textContent = pre.textContent;
      body.replaceChildren(note, link);
    } else {
      body.replaceChildren(pre);
    }
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

  /** A link saving a binary answer under its file name; its URL lives until the next outcome. */
  #downloadLink(saved: Saved): HTMLAnchorElement {
    const link = document.createElement('a');
    this.#linkUrl = URL.createObjectURL(new Blob([saved.bytes], { type: saved.type }));
    link.href = this.#linkUrl;
    link.download = saved.name;
    link.className = 'download-link';
    link.textContent = `Download ${saved.name}`;
    return link;
  }

  /**
   * Saves the answer's bytes under its file name (Content-Disposition, else the operation and
   * the media type); proxy and network errors save the text shown, as JSON.
   */
  download(): void {
    const saved = this.#saved ?? {
      bytes: new TextEncoder().encode(this.#lastBody),
      type: 'application/json',
      name: `${this.#operationId}-error.json`,
    };
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([saved.bytes], { type: saved.type }));
    link.download = saved.name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }
}

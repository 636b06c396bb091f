/**
 * Snippet tabs of one playground: render the visible snippet (plain first, highlighted once the
 * highlighter is loaded), switch tabs by click and arrow keys, and copy the exact runnable text.
 */
import { SNIPPET_TARGETS } from '../../lib/snippets/index.ts';
import { requestedHighlighter } from './highlighter.ts';

/** The snippet text of a target, with the real secret when `forCopy`; null while the form is invalid. */
export type SnippetText = (targetId: string, forCopy: boolean) => string | null;

const KEYS = ['ArrowLeft', 'ArrowRight', 'Home', 'End'];

/** The tab list, panels and Copy buttons of one playground. */
export class SnippetTabs {
  readonly #root: HTMLElement;
  readonly #text: SnippetText;
  readonly #announce: (message: string) => void;
  #selected = SNIPPET_TARGETS[0]!.id;
  #renderId = 0;

  constructor(root: HTMLElement, text: SnippetText, announce: (message: string) => void) {
    this.#root = root;
    this.#text = text;
    this.#announce = announce;
  }

  /** Re-renders the visible snippet, keeping the shown HTML when the text has not changed. */
  render(): void {
    const text = this.#text(this.#selected, false);
    const panel = this.#root.querySelector<HTMLElement>(
      `[data-panel="${this.#selected}"] [data-code]`,
    )!;
    if (text === null) return;
    const renderId = ++this.#renderId;
    const highlighter = requestedHighlighter();
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
    const language = SNIPPET_TARGETS.find((target) => target.id === this.#selected)!.language;
    void highlighter
      .then(({ highlight }) => highlight(text, language))
      .then((html) => {
        if (renderId === this.#renderId) panel.innerHTML = html;
      });
  }

  /** Shows the tab of target `id` and renders its snippet. */
  select(id: string): void {
    this.#selected = id;
    for (const tab of this.#root.querySelectorAll<HTMLElement>('[role="tab"]')) {
      const selected = tab.dataset['target'] === id;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
    }
    for (const panel of this.#root.querySelectorAll<HTMLElement>('[role="tabpanel"]'))
      panel.hidden = panel.dataset['panel'] !== id;
    this.render();
  }

  /** Arrow keys, Home and End on a tab move the selection and focus; true when handled. */
  onKeydown(event: KeyboardEvent): boolean {
    const tab = (event.target as HTMLElement).closest('[role="tab"]');
    if (!tab || !KEYS.includes(event.key)) return false;
    event.preventDefault();
    const ids = SNIPPET_TARGETS.map((target) => target.id);
    const index = ids.indexOf(this.#selected);
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? ids.length - 1
          : (index + (event.key === 'ArrowRight' ? 1 : -1) + ids.length) % ids.length;
    this.select(ids[next]!);
    this.#root.querySelector<HTMLElement>(`[role="tab"][data-target="${ids[next]}"]`)!.focus();
    return true;
  }

  /** Copies the runnable snippet of a target and says so. */
  async copy(targetId: string): Promise<void> {
    const text = this.#text(targetId, true);
    if (text === null) return this.#announce('Fix the highlighted fields first.');
    await navigator.clipboard.writeText(text);
    const label = SNIPPET_TARGETS.find((target) => target.id === targetId)!.label;
    this.#announce(`Copied the ${label} snippet.`);
    const button = this.#root.querySelector<HTMLButtonElement>(`[data-copy="${targetId}"]`)!;
    button.textContent = 'Copied';
    setTimeout(() => (button.textContent = 'Copy'), 1500);
  }
}

/**
 * The confirmation before a real write: fills the dialog from a `Confirmation`, opens it
 * modally with Cancel focused (the safe choice), and resolves with the reader's answer. Focus
 * goes back to where it was when the dialog closes, whichever way it closed.
 */
import type { Confirmation } from '../../lib/playground/confirm.ts';

/** The confirmation dialog of one playground. */
export class ConfirmDialog {
  readonly #dialog: HTMLDialogElement;
  #answer: ((confirmed: boolean) => void) | undefined;
  #returnFocus: HTMLElement | null = null;

  constructor(root: HTMLElement) {
    this.#dialog = root.querySelector<HTMLDialogElement>('dialog[data-confirm]')!;
    this.#dialog.addEventListener('close', () => {
      this.#answer?.(this.#dialog.returnValue === 'confirm');
      this.#answer = undefined;
      this.#returnFocus?.focus();
    });
  }

  /** The dialog is waiting for an answer. */
  get open(): boolean {
    return this.#dialog.open;
  }

  /** Shows the question; true once "Confirm and send" is pressed, false on Cancel or Escape. */
  ask(confirmation: Confirmation): Promise<boolean> {
    this.#dialog.querySelector('[data-confirm-action]')!.textContent = confirmation.action;
    const risks = this.#dialog.querySelector('[data-confirm-risks]')!;
    risks.replaceChildren(
      ...confirmation.risks.map((risk) => {
        const item = document.createElement('li');
        item.textContent = risk;
        return item;
      }),
    );
    this.#returnFocus =
      document.activeElement instanceof HTMLElement ? document.activeElement : null;
    this.#dialog.returnValue = '';
    this.#dialog.showModal();
    this.#dialog.querySelector<HTMLButtonElement>('[data-confirm-cancel]')!.focus();
    return new Promise((resolve) => (this.#answer = resolve));
  }
}

/**
 * Form state of one playground in the DOM: reads and writes its fields, restores them on load
 * (stored credentials, a share link) and writes the share link. The logic lives in
 * lib/playground/form-state.ts; this file only moves values between it and the fields.
 */
import type { StoredCredentials } from '../../lib/playground/credentials.ts';
import {
  linkedForm,
  shareLink,
  initialServer,
  type FormState,
} from '../../lib/playground/form-state.ts';
import { AUTH_CHOICES, type AuthChoice } from '../../lib/playground/auth.ts';
import type { PlaygroundModel } from '../../lib/playground/props.ts';
import { checkParameter } from '../../lib/playground/validate.ts';
import type { FieldError } from '../../lib/request/errors.ts';
import type { ParameterValues } from '../../lib/request/types.ts';

/** The fields of one playground, read and written as plain values. */
export class PlaygroundForm {
  readonly #root: HTMLElement;
  readonly #model: PlaygroundModel;
  /** The reader chose to see the key secret in clear. */
  revealed = false;

  constructor(root: HTMLElement, model: PlaygroundModel) {
    this.#root = root;
    this.#model = model;
  }

  /** The field named `name` (credentials, checkboxes, the body…). */
  input(name: string): HTMLInputElement {
    return this.#root.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
  }

  #serverSelect(): HTMLSelectElement {
    return this.#root.querySelector<HTMLSelectElement>('select[name="server"]')!;
  }

  #paramFields(): HTMLElement[] {
    return [...this.#root.querySelectorAll<HTMLElement>('[data-param]')];
  }

  /** The credentials panel as typed, with the remember choice. */
  credentials(): StoredCredentials {
    return {
      projectId: this.input('projectId').value,
      keyId: this.input('keyId').value,
      keySecret: this.input('keySecret').value,
      remember: this.input('remember').checked,
    };
  }

  /** Writes the credentials panel (restore, demo, forget, another playground's change). */
  fillCredentials(value: StoredCredentials): void {
    this.input('projectId').value = value.projectId;
    this.input('keyId').value = value.keyId;
    this.input('keySecret').value = value.keySecret;
    this.input('remember').checked = value.remember;
  }

  /** The server choice: `mock` or a Sinch server URL. */
  server(): string {
    return this.#serverSelect().value;
  }

  /** Selects a server choice. */
  setServer(value: string): void {
    this.#serverSelect().value = value;
  }

  /** The authentication radio that is checked; `none` when the operation offers no choice. */
  authMode(): AuthChoice {
    const value = this.#root.querySelector<HTMLInputElement>(
      'input[type="radio"][name$="-auth"]:checked',
    )?.value;
    return AUTH_CHOICES.find((choice) => choice === value) ?? 'none';
  }

  /** The API token and API key typed, for the operations that offer them. */
  #keys(): Pick<FormState, 'token' | 'apiKey'> {
    const token = this.#root.querySelector<HTMLInputElement>('input[name="token"]');
    const apiKey = this.#root.querySelector<HTMLInputElement>('input[name="apiKey"]');
    return {
      ...(token ? { token: token.value } : {}),
      ...(apiKey ? { apiKey: apiKey.value } : {}),
    };
  }

  /** Parameter values by name; checkbox groups give the checked values. */
  params(): ParameterValues {
    const values: Record<string, string | string[]> = {};
    for (const field of this.#paramFields()) {
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

  #setParams(values: ParameterValues): void {
    for (const field of this.#paramFields()) {
      const value = values[field.dataset['param']!];
      if (value === undefined) continue;
      const list = typeof value === 'string' ? [value] : value;
      const boxes = [...field.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
      if (boxes.length > 0) for (const box of boxes) box.checked = list.includes(box.value);
      else
        field.querySelector<HTMLInputElement | HTMLSelectElement>('input, select')!.value =
          list[0] ?? '';
    }
  }

  /** Everything the reader has set, for the request, the snippets and the send. */
  state(): FormState {
    const { projectId, keyId, keySecret } = this.credentials();
    return {
      server: this.server(),
      authMode: this.authMode(),
      credentials: { projectId, keyId, keySecret },
      ...this.#keys(),
      params: this.params(),
      body: this.#root.querySelector<HTMLTextAreaElement>('textarea[name="body"]')?.value ?? null,
      useEnv: this.input('env').checked,
      revealSecret: this.revealed,
    };
  }

  /** Fills stored credentials and the initial server, then a share link for this operation; true when a link applied. */
  restore(stored: StoredCredentials, hash: string): boolean {
    this.fillCredentials(stored);
    const select = this.#serverSelect();
    select.value = initialServer(this.#model);
    const linked = linkedForm(
      this.#model,
      hash,
      [...select.options].map((option) => option.value),
    );
    if (!linked) return false;
    if (linked.server !== null) select.value = linked.server;
    const radio = this.#root.querySelector<HTMLInputElement>(
      `input[type="radio"][name$="-auth"][value="${linked.authMode}"]`,
    );
    if (radio) radio.checked = true;
    this.#setParams(linked.params);
    return true;
  }

  /** Replaces the page's hash with this playground's share link. */
  writeShareLink(): void {
    history.replaceState(null, '', shareLink(this.#model, this.state()));
  }

  /** Shows credential problems under the panel and marks the fields at fault. */
  showCredentialProblems(errors: readonly FieldError[]): void {
    this.#root.querySelector('[id$="-credentials-error"]')!.textContent = errors
      .map((error) => error.message)
      .join(' ');
    for (const field of ['keyId', 'keySecret'])
      this.input(field).setAttribute(
        'aria-invalid',
        String(errors.some((error) => error.field === field)),
      );
  }

  /** Checks each parameter as typed and shows its message under the field. */
  showParameterProblems(): void {
    const params = this.params();
    for (const parameter of this.#model.operation.parameters) {
      const field = this.#root.querySelector<HTMLElement>(
        `[data-param="${CSS.escape(parameter.name)}"]`,
      );
      if (!field) continue;
      const value = params[parameter.name];
      const message = typeof value === 'string' ? checkParameter(parameter, value) : null;
      field.querySelector('.field-error')!.textContent = message ?? '';
      field
        .querySelector('input:not([type="checkbox"]), select')
        ?.setAttribute('aria-invalid', String(message !== null));
    }
  }

  /** Shows the body editor's one-line summary of problems. */
  showBodyProblems(problems: string): void {
    this.#root.querySelector('[id$="-body-error"]')!.textContent = problems;
  }

  /** Moves focus to the field a problem names, or to the key ID. */
  focusField(field: string): void {
    (
      this.#root.querySelector<HTMLElement>(`[name="${CSS.escape(field)}"]`) ?? this.input('keyId')
    ).focus();
  }
}

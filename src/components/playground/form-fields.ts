/**
 * Form state of one playground in the DOM: reads and writes its fields, restores them on load
 * (stored credentials, a share link) and writes the share link. The logic lives in
 * lib/playground/form-state.ts; this file only moves values between it and the fields.
 */
import type { StoredCredentials } from '../../lib/playground/credentials.ts';
import {
  chosenMediaType,
  exampleText,
  linkedForm,
  shareLink,
  initialServer,
  type FormState,
} from '../../lib/playground/form-state.ts';
import { AUTH_CHOICES, type AuthChoice } from '../../lib/playground/auth.ts';
import { chosenServer } from '../../lib/playground/servers.ts';
import type { PlaygroundModel } from '../../lib/playground/props.ts';
import { parameterProblems } from '../../lib/playground/validate.ts';
import type { FieldError } from '../../lib/request/errors.ts';
import type { FileInput, ParameterValues } from '../../lib/request/types.ts';

/** The fields of one playground, read and written as plain values. */
export class PlaygroundForm {
  readonly #root: HTMLElement;
  readonly #model: PlaygroundModel;
  /** The reader chose to see the key secret in clear. */
  revealed = false;
  /** Files picked for file fields, by field name, read into memory. */
  readonly #files: Record<string, FileInput> = {};

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

  /** The fields of the shown server's variables. */
  #serverVariableFields(): HTMLElement[] {
    return [
      ...this.#root.querySelectorAll<HTMLElement>(
        '[data-server-vars]:not([hidden]) [data-server-var]',
      ),
    ];
  }

  /** Values of the shown server variables, by name. */
  #serverVariables(): Record<string, string> {
    return Object.fromEntries(
      this.#serverVariableFields().map((field) => [
        field.dataset['serverVar']!,
        field.querySelector<HTMLInputElement | HTMLSelectElement>('input, select')!.value,
      ]),
    );
  }

  /** The example picker of the shown media type, when its body has several examples. */
  #exampleSelect(): HTMLSelectElement | null {
    return this.#root.querySelector<HTMLSelectElement>('[data-media]:not([hidden]) [data-example]');
  }

  #mediaType(): string | undefined {
    return this.#root.querySelector<HTMLSelectElement>('select[name="mediaType"]')?.value;
  }

  /** Shows the variables of the chosen server (the first server's for the mock). */
  showServerVariables(): void {
    const server = chosenServer(this.#model.operation, this.server());
    for (const group of this.#root.querySelectorAll<HTMLElement>('[data-server-vars]'))
      group.hidden = group.dataset['serverVars'] !== server?.url;
  }

  /** Reads the file picked in a file input (none when cleared), for the request and the snippets. */
  async readFile(input: HTMLInputElement): Promise<void> {
    const field = input.dataset['fileField']!;
    const file = input.files?.[0];
    if (!file) {
      delete this.#files[field];
      return;
    }
    this.#files[field] = {
      path: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
      ...(file.type ? { contentType: file.type } : {}),
    };
  }

  /**
   * Applies the media-type or example picker `target` to the body: shows that media type's
   * controls and writes the chosen example into the body. The new body text, or null when
   * `target` is neither picker.
   */
  switchBody(target: Element): string | null {
    const picker = target.closest('select[name="mediaType"], [data-example]');
    if (!picker) return null;
    const media = chosenMediaType(this.#model.operation, this.#mediaType());
    if (!media) return null;
    for (const group of this.#root.querySelectorAll<HTMLElement>('[data-media]'))
      group.hidden = group.dataset['media'] !== media.contentType;
    this.#root.querySelector<HTMLElement>('.text-body')!.hidden = media.kind === 'binary';
    const name = this.#exampleSelect()?.value;
    const example = media.examples.find((entry) => entry.name === name) ?? media.examples[0];
    const text = example === undefined ? '' : exampleText(example.value);
    this.#root.querySelector<HTMLTextAreaElement>('textarea[name="body"]')!.value = text;
    return text;
  }

  /** Everything the reader has set, for the request, the snippets and the send. */
  state(): FormState {
    const { projectId, keyId, keySecret } = this.credentials();
    const mediaType = this.#mediaType();
    const example = this.#exampleSelect()?.value;
    return {
      server: this.server(),
      serverVariables: this.#serverVariables(),
      ...(mediaType === undefined ? {} : { mediaType }),
      ...(example === undefined ? {} : { example }),
      files: { ...this.#files },
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
    this.showServerVariables();
    for (const field of this.#serverVariableFields()) {
      const value = linked.serverVariables[field.dataset['serverVar']!];
      if (value !== undefined)
        field.querySelector<HTMLInputElement | HTMLSelectElement>('input, select')!.value = value;
    }
    const media = this.#root.querySelector<HTMLSelectElement>('select[name="mediaType"]');
    if (media && linked.mediaType !== null) {
      media.value = linked.mediaType;
      this.switchBody(media);
    }
    const example = this.#exampleSelect();
    if (example && linked.example !== null) {
      example.value = linked.example;
      this.switchBody(example);
    }
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
    const problems = parameterProblems(this.#model.operation, this.params());
    for (const field of this.#paramFields()) {
      const message = problems.get(field.dataset['param']!) ?? '';
      field.querySelector('.field-error')!.textContent = message;
      field
        .querySelector('input:not([type="checkbox"]), select')
        ?.setAttribute('aria-invalid', String(message !== ''));
    }
  }

  /** Shows the body editor's one-line summary of problems. */
  showBodyProblems(problems: string): void {
    this.#root.querySelector('[id$="-body-error"]')!.textContent = problems;
  }

  /** Moves focus to the field a problem names (a file field's input too), or to the key ID. */
  focusField(field: string): void {
    const name = CSS.escape(field);
    (
      this.#root.querySelector<HTMLElement>(
        `[name="${name}"], [data-media]:not([hidden]) [data-file-field="${name}"]`,
      ) ?? this.input('keyId')
    ).focus();
  }
}

/**
 * The Monaco JSON editor for request bodies, loaded only when a reader first focuses the body.
 * The body's JSON schema drives validation and completion; the theme follows the site's.
 */
import type { JsonSchema } from '../../lib/openapi/types.ts';
import { loadMonaco } from '../monaco/load.ts';

/** What the playground hands the editor. */
export interface JsonEditorOptions {
  host: HTMLElement;
  textarea: HTMLTextAreaElement;
  schema: JsonSchema;
  modelUri: string;
  /** Called with the text and a one-line summary of problems ('' when valid). */
  onChange(value: string, problems: string): void;
}

const schemas: { uri: string; fileMatch: string[]; schema: JsonSchema }[] = [];

/**
 * Replaces the textarea with Monaco, keeping the textarea as the source of truth for the form.
 * Returns a setter for when the form replaces the body and its schema (another media type or
 * example).
 */
export async function mountJsonEditor(
  options: JsonEditorOptions,
): Promise<(text: string, schema: JsonSchema) => void> {
  const { host, textarea, schema, modelUri } = options;
  const { prepareMonaco, themeName, jsonDefaults } = await loadMonaco();
  const monaco = await prepareMonaco();
  const entry = { uri: `${modelUri}#schema`, fileMatch: [modelUri], schema };
  schemas.push(entry);
  const applySchemas = (): void =>
    jsonDefaults.setDiagnosticsOptions({
      validate: true,
      allowComments: false,
      schemas,
      enableSchemaRequest: false,
    });
  applySchemas();
  const model = monaco.editor.createModel(textarea.value, 'json', monaco.Uri.parse(modelUri));
  host.hidden = false;
  const editor = monaco.editor.create(host, {
    model,
    theme: themeName(),
    minimap: { enabled: false },
    automaticLayout: true,
    scrollBeyondLastLine: false,
    fontSize: 13,
    ariaLabel: 'Request body',
    tabSize: 2,
  });
  textarea.hidden = true;
  const report = (): void => {
    const markers = monaco.editor.getModelMarkers({ resource: model.uri });
    const problems = markers
      .filter((marker) => marker.severity >= monaco.MarkerSeverity.Warning)
      .map((marker) => `Line ${marker.startLineNumber}: ${marker.message}`)
      .join(' ');
    options.onChange(model.getValue(), problems);
  };
  model.onDidChangeContent(report);
  monaco.editor.onDidChangeMarkers((uris) => {
    if (uris.some((uri) => uri.toString() === model.uri.toString())) report();
  });
  editor.focus();
  await Promise.resolve();
  return (text, replaced) => {
    entry.schema = replaced;
    applySchemas();
    model.setValue(text);
  };
}

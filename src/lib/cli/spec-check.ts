/**
 * `spec:check`: for each operation of a document, whether the playground form, the request
 * builder and every snippet target handle it, with the reason when one does not.
 */
import { parameterSample } from '../openapi/examples.ts';
import { serverOrigins } from '../openapi/server-origins.ts';
import type { OperationModel, SecuritySchemeModel } from '../openapi/types.ts';
import { prepareRequest, type PreparedRequest } from '../request/build.ts';
import {
  PLACEHOLDER_API_KEY,
  PLACEHOLDER_CREDENTIALS,
  PLACEHOLDER_TOKEN,
} from '../request/sample-credentials.ts';
import type { FileInput, ParameterValues } from '../request/types.ts';
import { apiKeyScheme, authChoices, type AuthChoice } from '../playground/auth.ts';
import { responseTypeName } from '../playground/form-state.ts';
import { sinchServerUrl } from '../playground/servers.ts';
import { generateSnippet, SNIPPET_TARGETS } from '../snippets/index.ts';
import type { SnippetAuth } from '../snippets/types.ts';

/** One verdict: `form`, `request` or `snippet:<target id>`. */
export interface SupportCheck {
  subject: string;
  ok: boolean;
  /** Why not, when `ok` is false. */
  reason?: string;
}

/** The verdicts for one operation. */
export interface OperationReport {
  operationId: string;
  method: string;
  path: string;
  checks: SupportCheck[];
  supported: boolean;
}

/** The verdicts for a whole document; `supported` is false when any operation is not. */
export interface SpecReport {
  document: string;
  operations: OperationReport[];
  supported: boolean;
}

/** Describes a scheme the playground or the snippets cannot use. */
function schemeText(scheme: SecuritySchemeModel): string {
  return scheme.type === 'apiKey'
    ? `"${scheme.name}" (API key in ${scheme.in} "${scheme.parameterName}")`
    : `"${scheme.name}" (${scheme.type})`;
}

/** The form offers Basic, OAuth2, Bearer and API keys in a header or the query, or no auth. */
function formCheck(operation: OperationModel): SupportCheck {
  if (authChoices(operation).length > 0) return { subject: 'form', ok: true };
  const schemes = operation.securitySchemes ?? [];
  return {
    subject: 'form',
    ok: false,
    reason: `accepts only ${schemes.map(schemeText).join(', ')}; the form offers Basic, OAuth2, Bearer and API keys in a header or the query`,
  };
}

/** How snippets authenticate for one of the form's choices, with placeholder credentials. */
function snippetAuthFor(operation: OperationModel, choice: AuthChoice): SnippetAuth {
  const { keyId, keySecret } = PLACEHOLDER_CREDENTIALS;
  const apiKey = apiKeyScheme(operation);
  if (choice === 'oauth2' && operation.tokenUrl)
    return { type: 'oauth2', keyId, keySecret, tokenUrl: operation.tokenUrl };
  if (choice === 'basic' || choice === 'oauth2') return { type: 'basic', keyId, keySecret };
  if (choice === 'bearer') return { type: 'bearer', token: PLACEHOLDER_TOKEN };
  if (choice === 'apiKey' && apiKey)
    return { type: 'apiKey', in: apiKey.in, name: apiKey.parameterName, key: PLACEHOLDER_API_KEY };
  return { type: 'none' };
}

/** The first example of the preferred body media type as body text, and placeholder files. */
function exampleInput(operation: OperationModel): {
  body: string | null;
  files: Record<string, FileInput>;
} {
  const spec = operation.requestBody;
  if (!spec) return { body: null, files: {} };
  const media = spec.contents?.find((candidate) => candidate.contentType === spec.contentType);
  const example = media ? media.examples[0]?.value : spec.example;
  const body =
    example === undefined ? '' : typeof example === 'string' ? example : JSON.stringify(example);
  const files: Record<string, FileInput> = {};
  if (media?.kind === 'binary') files['body'] = { path: 'body.bin', bytes: new Uint8Array() };
  for (const field of media?.fileFields ?? [])
    files[field.name] = { path: `${field.name}.bin`, bytes: new Uint8Array() };
  return { body, files };
}

/** Builds the operation's request from its examples, as the form starts. */
function buildExample(operation: OperationModel): ReturnType<typeof prepareRequest> {
  const params: ParameterValues = { projectId: PLACEHOLDER_CREDENTIALS.projectId };
  for (const parameter of operation.parameters)
    if (parameter.required) params[parameter.name] = parameterSample(parameter);
  const { body, files } = exampleInput(operation);
  return prepareRequest({
    operation,
    serverUrl: sinchServerUrl(operation),
    params,
    body,
    files,
    auth: {
      type: 'basic',
      username: PLACEHOLDER_CREDENTIALS.keyId,
      password: PLACEHOLDER_CREDENTIALS.keySecret,
    },
  });
}

/** The request check: the proxy must be able to list the server's origins, the example must build. */
function requestCheck(
  document: string,
  operation: OperationModel,
  prepared: ReturnType<typeof prepareRequest>,
): SupportCheck {
  try {
    serverOrigins(document, [operation]);
  } catch (error) {
    return { subject: 'request', ok: false, reason: (error as Error).message };
  }
  if (prepared.ok) return { subject: 'request', ok: true };
  const problems = prepared.errors.map((error) => `${error.field}: ${error.message}`).join('; ');
  return { subject: 'request', ok: false, reason: `the first example does not build: ${problems}` };
}

/**
 * A multipart part curl cannot write: `--form name=value` ends the name at the first `=`, so a
 * part (file or text) whose name holds one would be sent under the wrong name.
 */
function curlPartProblem(operation: OperationModel): string | null {
  const spec = operation.requestBody;
  const media = spec?.contents?.find((candidate) => candidate.contentType === spec.contentType);
  if (media?.kind !== 'multipart') return null;
  const files = new Set(media.fileFields.map((field) => field.name));
  const bad = Object.keys(media.schema.properties ?? {}).find((name) => name.includes('='));
  if (bad === undefined) return null;
  return `the multipart ${files.has(bad) ? 'file ' : ''}part "${bad}" cannot be written: curl ends a --form name at "="`;
}

/** One check per snippet target, writing the example request with each auth choice the form offers. */
function snippetChecks(
  operation: OperationModel,
  prepared: PreparedRequest | null,
): SupportCheck[] {
  const choices = authChoices(operation);
  return SNIPPET_TARGETS.map(({ id }) => {
    const subject = `snippet:${id}`;
    if (choices.length === 0)
      return {
        subject,
        ok: false,
        reason: `security scheme ${(operation.securitySchemes ?? []).map(schemeText).join(', ')} has no snippet support`,
      };
    if (!prepared) return { subject, ok: false, reason: 'no request to write (see request)' };
    const curlProblem = id === 'curl' ? curlPartProblem(operation) : null;
    if (curlProblem) return { subject, ok: false, reason: curlProblem };
    try {
      for (const choice of choices) {
        const text = generateSnippet(id, {
          request: prepared.request,
          url: prepared.url,
          content: prepared.content,
          auth: snippetAuthFor(operation, choice),
          credentialMode: 'inline',
          projectId: PLACEHOLDER_CREDENTIALS.projectId,
          ...(operation.responseSchema ? { responseSchema: operation.responseSchema } : {}),
          responseTypeName: responseTypeName(operation.id),
        });
        if (text.trim() === '')
          return { subject, ok: false, reason: `the snippet is empty (${choice})` };
      }
      return { subject, ok: true };
    } catch (error) {
      return { subject, ok: false, reason: (error as Error).message };
    }
  });
}

/** Checks every operation of a loaded document; `document` names it in messages. */
export function checkOperations(
  document: string,
  operations: readonly OperationModel[],
): SpecReport {
  const reports = operations.map((operation): OperationReport => {
    const prepared = buildExample(operation);
    const checks = [
      formCheck(operation),
      requestCheck(document, operation, prepared),
      ...snippetChecks(operation, prepared.ok ? prepared.value : null),
    ];
    return {
      operationId: operation.id,
      method: operation.method,
      path: operation.path,
      checks,
      supported: checks.every((check) => check.ok),
    };
  });
  return {
    document,
    operations: reports,
    supported: reports.every((report) => report.supported),
  };
}

/** The report as lines of text: one line per operation, one indented line per failing check. */
export function formatSpecReport(report: SpecReport): string {
  const lines = [`${report.document}: ${report.operations.length} operations`];
  for (const operation of report.operations) {
    const mark = operation.supported ? 'ok  ' : 'FAIL';
    lines.push(`${mark} ${operation.operationId} (${operation.method} ${operation.path})`);
    for (const check of operation.checks)
      if (!check.ok) lines.push(`       ${check.subject}: ${check.reason ?? 'not supported'}`);
  }
  const failing = report.operations.filter((operation) => !operation.supported).length;
  lines.push(
    failing === 0
      ? 'Every operation is fully supported.'
      : `${failing} of ${report.operations.length} operations are not fully supported.`,
  );
  return `${lines.join('\n')}\n`;
}

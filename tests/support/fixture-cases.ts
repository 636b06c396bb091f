import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parameterSample } from '../../src/lib/openapi/examples.ts';
import { loadOpenApiDocument } from '../../src/lib/openapi/load.ts';
import { toOperationModels } from '../../src/lib/openapi/operations.ts';
import type { OperationModel, SecuritySchemeModel } from '../../src/lib/openapi/types.ts';
import { prepareRequest, type PreparedRequest } from '../../src/lib/request/build.ts';
import type { ParameterValues, RequestAuth } from '../../src/lib/request/types.ts';
import type { CredentialMode, SnippetAuth, SnippetInput } from '../../src/lib/snippets/types.ts';
import { ECHO_TOKEN } from './echo-server.ts';

/** The real Sinch documents, read in place; tests using them skip where they are absent. */
export const FIXTURES = resolve(import.meta.dirname, '../../../shared/fixtures/sinch-openapi');

/** True when the real Sinch documents are there to read. */
export const hasFixtures = existsSync(FIXTURES);

/** Credentials every case uses; the secret needs quoting in every language. */
export const CREDENTIALS = {
  projectId: 'demo-project',
  keyId: 'demo-key',
  keySecret: "s3cr'et $x",
};

/** The token bearer-scheme cases send. */
export const API_TOKEN = 'api-token-123';

/** A file with every byte value, as readers' uploads have. */
export const FILE_BYTES = Buffer.from(Array.from({ length: 600 }, (_, index) => (index * 7) % 256));

/** The uploaded file's name: a space and a quote, as readers' files have. */
export const FILE_NAME = "fax page's 1.pdf";

/** The environment env-mode snippets read. */
export const FIXTURE_ENV = {
  SINCH_PROJECT_ID: CREDENTIALS.projectId,
  SINCH_KEY_ID: CREDENTIALS.keyId,
  SINCH_KEY_SECRET: CREDENTIALS.keySecret,
  SINCH_API_TOKEN: API_TOKEN,
};

/** One run: an operation, a media type, a security scheme and a credential mode. */
export interface FixtureCase {
  id: string;
  document: string;
  operation: OperationModel;
  mediaType?: string;
  scheme: SecuritySchemeModel | null;
  mode: CredentialMode;
}

/** A case's label in failure messages. */
export function caseLabel(testCase: FixtureCase): string {
  return `${testCase.document} ${testCase.operation.id} ${testCase.mediaType ?? ''} ${testCase.scheme?.name ?? 'none'} ${testCase.mode}`;
}

/** Every operation × media type × security scheme × credential mode of every fixture document. */
export async function collectFixtureCases(): Promise<FixtureCase[]> {
  const cases: FixtureCase[] = [];
  for (const file of readdirSync(FIXTURES)
    .filter((name) => name.endsWith('.yaml'))
    .sort()) {
    const operations = toOperationModels(await loadOpenApiDocument(join(FIXTURES, file)));
    for (const operation of operations) {
      const mediaTypes = operation.requestBody?.contents?.map((media) => media.contentType) ?? [
        undefined,
      ];
      const schemes = operation.securitySchemes?.length ? operation.securitySchemes : [null];
      for (const mediaType of mediaTypes)
        for (const scheme of schemes)
          for (const mode of ['inline', 'env'] as const)
            cases.push({
              id: `c${cases.length}`,
              document: file,
              operation,
              ...(mediaType ? { mediaType } : {}),
              scheme,
              mode,
            });
    }
  }
  return cases;
}

/** Parameter values generated from the document (examples, else the schema). */
function sampleParams(operation: OperationModel): ParameterValues {
  const params: ParameterValues = { projectId: CREDENTIALS.projectId };
  for (const parameter of operation.parameters)
    if (!/^project[-_]?id$/i.test(parameter.name))
      params[parameter.name] = parameterSample(parameter);
  return params;
}

/** The request for a case against `serverUrl`, files read from `filePath`. */
export function prepareFixtureCase(
  testCase: FixtureCase,
  serverUrl: string,
  filePath: string,
): PreparedRequest {
  const media = testCase.operation.requestBody?.contents?.find(
    (candidate) => candidate.contentType === testCase.mediaType,
  );
  const files: Record<string, { path: string; bytes: Uint8Array }> = {};
  for (const field of media?.fileFields ?? [])
    files[field.name] = { path: filePath, bytes: FILE_BYTES };
  if (media?.kind === 'binary') files['body'] = { path: filePath, bytes: FILE_BYTES };
  const auth: RequestAuth =
    testCase.scheme?.type === 'basic'
      ? { type: 'basic', username: CREDENTIALS.keyId, password: CREDENTIALS.keySecret }
      : testCase.scheme?.type === 'oauth2'
        ? { type: 'bearer', token: ECHO_TOKEN }
        : testCase.scheme?.type === 'bearer'
          ? { type: 'bearer', token: API_TOKEN }
          : { type: 'none' };
  const result = prepareRequest({
    operation: testCase.operation,
    serverUrl,
    params: sampleParams(testCase.operation),
    body: media ? JSON.stringify(media.examples[0]?.value ?? {}) : null,
    ...(testCase.mediaType ? { mediaType: testCase.mediaType } : {}),
    files,
    auth,
  });
  if (!result.ok) throw new Error(`${caseLabel(testCase)}: ${JSON.stringify(result.errors)}`);
  return result.value;
}

/** The snippet auth for a case's scheme; OAuth2 fetches its token from `tokenUrl`. */
function snippetAuth(testCase: FixtureCase, tokenUrl: string): SnippetAuth {
  const scheme = testCase.scheme;
  if (scheme?.type === 'basic') return { type: 'basic', ...CREDENTIALS };
  if (scheme?.type === 'oauth2') return { type: 'oauth2', ...CREDENTIALS, tokenUrl };
  if (scheme?.type === 'bearer') return { type: 'bearer', token: API_TOKEN };
  return { type: 'none' };
}

/** Everything a target needs to write a case's snippet. */
export function fixtureSnippetInput(
  testCase: FixtureCase,
  prepared: PreparedRequest,
  tokenUrl: string,
): SnippetInput {
  return {
    request: prepared.request,
    url: prepared.url,
    content: prepared.content,
    auth: snippetAuth(testCase, tokenUrl),
    credentialMode: testCase.mode,
    ...(testCase.operation.responseSchema
      ? { responseSchema: testCase.operation.responseSchema }
      : {}),
    responseTypeName: 'ResponseBody',
  };
}

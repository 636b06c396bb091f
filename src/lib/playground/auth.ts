/**
 * Which ways of authenticating a playground offers for an operation, from the security schemes
 * its document declares: Basic and OAuth2 with an access key, a Bearer API token, an API key in a
 * header or the query, or nothing for an operation without security.
 */
import type { OperationModel, SecuritySchemeModel } from '../openapi/types.ts';
import type { PlaygroundModel } from './props.ts';

/** One way of authenticating, as the form's radio group offers it. */
export type AuthChoice = 'basic' | 'oauth2' | 'bearer' | 'apiKey' | 'none';

/** Every choice, for reading a value back (a share link, a radio). */
export const AUTH_CHOICES: readonly AuthChoice[] = ['basic', 'oauth2', 'bearer', 'apiKey', 'none'];

/** The radio labels (accessible names) of the choices. */
export const AUTH_LABELS: Readonly<Record<AuthChoice, string>> = {
  basic: 'Basic (testing only)',
  oauth2: 'OAuth2 (production)',
  bearer: 'API token (Bearer)',
  apiKey: 'API key',
  none: 'None',
};

/** Label of the Bearer token field; snippets read it from SINCH_API_TOKEN in env mode. */
export const TOKEN_LABEL = 'API token';

/** An API key scheme the form can send: in a header or the query (cookies are not offered). */
export type SendableApiKey = Extract<SecuritySchemeModel, { type: 'apiKey' }> & {
  in: 'header' | 'query';
};

/** The operation's first API key scheme sent in a header or the query, if any. */
export function apiKeyScheme(operation: OperationModel): SendableApiKey | undefined {
  return (operation.securitySchemes ?? []).find(
    (scheme): scheme is SendableApiKey =>
      scheme.type === 'apiKey' && (scheme.in === 'header' || scheme.in === 'query'),
  );
}

/**
 * The choices offered for an operation, in the order shown: Basic and OAuth2 when it takes an
 * access key (Sinch accepts both wherever it accepts one), then Bearer and API key when declared;
 * `none` alone when it declares no security; empty when no declared scheme can be sent.
 */
export function authChoices(operation: OperationModel): AuthChoice[] {
  const schemes = operation.securitySchemes ?? [];
  if (schemes.length === 0) return ['none'];
  const choices: AuthChoice[] = operation.security.length > 0 ? ['basic', 'oauth2'] : [];
  if (schemes.some((scheme) => scheme.type === 'bearer')) choices.push('bearer');
  if (apiKeyScheme(operation)) choices.push('apiKey');
  return choices;
}

/** The choice selected on load: the page's `auth` prop when offered, else the first choice. */
export function initialAuth(model: PlaygroundModel): AuthChoice {
  const choices = authChoices(model.operation);
  return choices.includes(model.auth) ? model.auth : (choices[0] ?? 'none');
}

/** True for the choices that use the access key (key ID and secret). */
export function usesAccessKey(choice: AuthChoice): boolean {
  return choice === 'basic' || choice === 'oauth2';
}

import type { Credentials } from '../request/types.ts';

/** Storage key for the credentials panel; one entry shared by every playground in the tab. */
export const CREDENTIALS_KEY = 'sinch-playground:credentials';

/** The credentials plus the reader's choice to keep them beyond this tab. */
export interface StoredCredentials extends Credentials {
  remember: boolean;
}

/** The empty panel. */
export const EMPTY_CREDENTIALS: StoredCredentials = {
  projectId: '',
  keyId: '',
  keySecret: '',
  remember: false,
};

/** Parses a stored entry, ignoring anything malformed. */
function parse(raw: string | null): StoredCredentials | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<StoredCredentials>;
    const text = (field: unknown): string => (typeof field === 'string' ? field : '');
    return {
      projectId: text(value.projectId),
      keyId: text(value.keyId),
      keySecret: text(value.keySecret),
      remember: value.remember === true,
    };
  } catch {
    return null;
  }
}

/** Reads the tab's copy first, then the remembered copy, else the empty panel. */
export function loadCredentials(session: Storage, local: Storage): StoredCredentials {
  return (
    parse(session.getItem(CREDENTIALS_KEY)) ??
    parse(local.getItem(CREDENTIALS_KEY)) ??
    EMPTY_CREDENTIALS
  );
}

/**
 * Keeps the credentials in the tab (sessionStorage) and, only when the reader opted in, on the
 * device (localStorage); turning "remember" off removes the device copy at once.
 */
export function saveCredentials(value: StoredCredentials, session: Storage, local: Storage): void {
  const raw = JSON.stringify(value);
  session.setItem(CREDENTIALS_KEY, raw);
  if (value.remember) local.setItem(CREDENTIALS_KEY, raw);
  else local.removeItem(CREDENTIALS_KEY);
}

/** Removes every stored copy. */
export function forgetCredentials(session: Storage, local: Storage): void {
  session.removeItem(CREDENTIALS_KEY);
  local.removeItem(CREDENTIALS_KEY);
}

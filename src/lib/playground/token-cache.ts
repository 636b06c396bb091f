/** Seconds before expiry at which a cached token is no longer handed out. */
export const TOKEN_REFRESH_MARGIN_SECONDS = 60;

/** OAuth2 access tokens kept in memory only, per token URL and key ID, until shortly before expiry. */
export class TokenCache {
  #tokens = new Map<string, { token: string; expiresAt: number }>();

  /** A still-fresh token, or undefined. `now` in milliseconds. */
  get(tokenUrl: string, keyId: string, now: number): string | undefined {
    const entry = this.#tokens.get(`${tokenUrl} ${keyId}`);
    if (!entry || now >= entry.expiresAt) return undefined;
    return entry.token;
  }

  /** Stores a token for `expiresIn` seconds less the refresh margin. */
  set(tokenUrl: string, keyId: string, token: string, expiresIn: number, now: number): void {
    const lifetime = Math.max(0, expiresIn - TOKEN_REFRESH_MARGIN_SECONDS) * 1000;
    this.#tokens.set(`${tokenUrl} ${keyId}`, { token, expiresAt: now + lifetime });
  }

  /** Forgets every token (used by "Forget credentials"). */
  clear(): void {
    this.#tokens.clear();
  }
}

import { z } from 'astro/zod';
import { parseTrustedProxies, type TrustedProxies } from '../http/client-address.ts';
import type { RateLimitRule } from '../http/rate-limit.ts';
import { isLoopbackHost } from '../proxy/address.ts';

const originList = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const origins: string[] = [];
    for (const item of (value ?? '').split(',').map((s) => s.trim())) {
      if (item === '') continue;
      let url: URL;
      try {
        url = new URL(item);
      } catch {
        ctx.addIssue({ code: 'custom', message: `"${item}" is not an absolute URL` });
        continue;
      }
      if (url.origin !== item.replace(/\/$/, '')) {
        ctx.addIssue({
          code: 'custom',
          message: `"${item}" must be an origin only: scheme, host and port`,
        });
      } else if (
        url.protocol !== 'https:' &&
        !(url.protocol === 'http:' && isLoopbackHost(url.hostname))
      ) {
        ctx.addIssue({
          code: 'custom',
          message: `"${item}" must use https (http is allowed for loopback only)`,
        });
      } else origins.push(url.origin);
    }
    return origins;
  });

/** Parses `N/60s`, `N/2m` or `off` into a rule; `off` gives null. */
function windowRule(defaultValue: string) {
  return z
    .string()
    .optional()
    .transform((value, ctx): RateLimitRule | null => {
      const text = (value ?? defaultValue).trim();
      if (text === 'off') return null;
      const match = /^(\d+)\s*\/\s*(\d+)\s*(s|m)$/.exec(text);
      if (match === null || Number(match[1]) < 1 || Number(match[2]) < 1) {
        ctx.addIssue({
          code: 'custom',
          message: `"${text}" is not "off" or "<count>/<n>s" like "10/60s"`,
        });
        return z.NEVER;
      }
      return {
        limit: Number(match[1]),
        windowMs: Number(match[2]) * (match[3] === 's' ? 1000 : 60_000),
      };
    });
}

const perMinute = z
  .string()
  .optional()
  .transform((value, ctx): RateLimitRule | null => {
    const text = (value ?? '60').trim();
    if (text === 'off') return null;
    if (!/^\d+$/.test(text) || Number(text) < 1) {
      ctx.addIssue({
        code: 'custom',
        message: `"${text}" is not "off" or a whole number of requests per minute`,
      });
      return z.NEVER;
    }
    return { limit: Number(text), windowMs: 60_000 };
  });

const trustedProxies = z
  .string()
  .optional()
  .transform((value, ctx): TrustedProxies => {
    try {
      return parseTrustedProxies(value ?? '');
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });

const MIN_SECRET_LENGTH = 32;

const tokenSecret = z
  .string()
  .optional()
  .transform((value, ctx): Uint8Array | undefined => {
    if (value === undefined || value === '') return undefined;
    if (value.length < MIN_SECRET_LENGTH) {
      ctx.addIssue({
        code: 'custom',
        message: `must be at least ${MIN_SECRET_LENGTH} characters (for example \`openssl rand -hex 32\`)`,
      });
      return z.NEVER;
    }
    return new TextEncoder().encode(value);
  });

/** `redis://` or `rediss://` URL of the store shared by every instance; unset keeps state in memory. */
const redisUrl = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const text = value?.trim() ?? '';
    if (text === '') return undefined;
    if (!/^rediss?:\/\/\S+$/.test(text)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${text}" is not a redis:// or rediss:// URL like redis://redis.internal:6379`,
      });
      return z.NEVER;
    }
    return text;
  });

/** The environment variables the server reads, all optional. */
export const serverEnvSchema = z.object({
  PLAYGROUND_ALLOWED_ORIGINS: originList,
  PLAYGROUND_RATE_LIMIT: perMinute,
  PLAYGROUND_TRUSTED_PROXIES: trustedProxies,
  MOCK_BASIC_RATE_LIMIT: windowRule('10/60s'),
  MOCK_TOKEN_RATE_LIMIT: windowRule('30/60s'),
  MOCK_TOKEN_SECRET: tokenSecret,
  PLAYGROUND_REDIS_URL: redisUrl,
});

/** Settings derived from the environment. */
export type PlaygroundEnv = z.output<typeof serverEnvSchema>;

/** Reads the playground settings from an environment; throws an error naming each bad variable. */
export function parsePlaygroundEnv(env: Record<string, string | undefined>): PlaygroundEnv {
  const result = serverEnvSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Invalid playground configuration:\n${lines.join('\n')}`);
}

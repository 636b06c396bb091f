/**
 * The messages between the page and the sandboxed runner. Everything the sandbox sends is
 * untrusted, so the page parses it with `sandboxMessageSchema` and ignores what does not fit.
 */
import { z } from 'astro/zod';
import type { ProxyEnvelope } from '../proxy/handler.ts';

/** Longest console line or error text the page accepts from the sandbox, in characters. */
export const MAX_OUTPUT_TEXT = 100_000;
/** Longest request body the sandbox may hand over, in characters (the proxy caps bytes again). */
export const MAX_REQUEST_BODY = 1_000_000;

/** A `fetch` call made by the code in the sandbox, to be sent through the proxy by the page. */
export const sandboxFetchSchema = z.strictObject({
  type: z.literal('fetch'),
  id: z.number().int().nonnegative(),
  url: z.string().max(8192),
  method: z.string().max(16),
  headers: z.array(z.tuple([z.string().max(256), z.string().max(8192)])).max(64),
  body: z.string().max(MAX_REQUEST_BODY).nullable(),
});

/** Every message the sandbox may send the page. */
export const sandboxMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  sandboxFetchSchema,
  z.strictObject({
    type: z.literal('console'),
    level: z.enum(['log', 'info', 'warn', 'error', 'debug']),
    text: z.string().max(MAX_OUTPUT_TEXT),
  }),
  z.strictObject({ type: z.literal('error'), message: z.string().max(MAX_OUTPUT_TEXT) }),
  z.strictObject({ type: z.literal('done'), exitCode: z.number().int() }),
]);

/** A validated message from the sandbox. */
export type SandboxMessage = z.output<typeof sandboxMessageSchema>;
/** A validated `fetch` call from the sandbox. */
export type SandboxFetch = z.output<typeof sandboxFetchSchema>;

/** Every message the page sends the sandbox. */
export type PageMessage =
  | { type: 'start'; source: string }
  | { type: 'stop' }
  | ({ type: 'response'; id: number } & Pick<
      ProxyEnvelope,
      'status' | 'statusText' | 'headers' | 'body' | 'bodyEncoding'
    >)
  | { type: 'failure'; id: number; message: string };

/** Parses one message from the sandbox: the message, or a one-line reason it was refused. */
export function parseSandboxMessage(
  data: unknown,
): { ok: true; message: SandboxMessage } | { ok: false; reason: string } {
  const result = sandboxMessageSchema.safeParse(data);
  if (result.success) return { ok: true, message: result.data };
  const issue = result.error.issues[0];
  const field = issue === undefined || issue.path.length === 0 ? 'message' : issue.path.join('.');
  return { ok: false, reason: `field "${field}": ${issue?.message ?? 'invalid'}` };
}

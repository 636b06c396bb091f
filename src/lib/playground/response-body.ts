/**
 * How the response panel treats an answer's body: text media types (JSON, XML, CSV, text/*) are
 * shown as text; anything else (PDF, octet-stream, images) is offered as a download, named from
 * `Content-Disposition` or from the operation and the media type.
 */
import type { ProxyEnvelope } from '../request/proxy-contract.ts';
import { base64ToBytes } from '../request/bytes.ts';

/** The media type of an answer, lower-cased without parameters; empty when none was sent. */
export function mediaTypeOf(headers: Readonly<Record<string, string>>): string {
  const value = Object.entries(headers).find(
    ([name]) => name.toLowerCase() === 'content-type',
  )?.[1];
  return (value ?? '').split(';', 1)[0]!.trim().toLowerCase();
}

const TEXT_TYPES =
  /^(text\/.+|application\/(.+\+)?(json|xml)|application\/(javascript|x-www-form-urlencoded|yaml|x-yaml|csv|problem\+json))$/;

/** True for media types shown as text; an answer without a type is text when it is UTF-8. */
export function isTextMediaType(mediaType: string): boolean {
  return TEXT_TYPES.test(mediaType);
}

/** True when the panel offers the body as a download instead of showing it. */
export function isDownloadBody(envelope: ProxyEnvelope): boolean {
  const type = mediaTypeOf(envelope.headers);
  return type === '' ? envelope.bodyEncoding === 'base64' : !isTextMediaType(type);
}

/** The body's bytes, whichever way the envelope carries them. */
export function envelopeBytes(envelope: Pick<ProxyEnvelope, 'body' | 'bodyEncoding'>): Uint8Array {
  return envelope.bodyEncoding === 'base64'
    ? base64ToBytes(envelope.body)
    : new TextEncoder().encode(envelope.body);
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'application/json': 'json',
  'application/xml': 'xml',
  'application/zip': 'zip',
  'application/gzip': 'gz',
  'application/octet-stream': 'bin',
  'text/csv': 'csv',
  'text/plain': 'txt',
  'text/html': 'html',
  'text/xml': 'xml',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/tiff': 'tif',
  'audio/mpeg': 'mp3',
  'audio/wav': 'wav',
};

/** The file extension for a media type: known ones, `+json`/`+xml` suffixes, else `bin`. */
export function extensionFor(mediaType: string): string {
  const known = EXTENSIONS[mediaType];
  if (known) return known;
  const suffix = /\+(json|xml)$/.exec(mediaType)?.[1];
  return suffix ?? 'bin';
}

/** Keeps a suggested name to one safe path segment: no folders, controls or reserved characters. */
function safeFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').trim();
  return /^\.*$/.test(cleaned) ? '' : cleaned.slice(0, 200);
}

/** The file name a `Content-Disposition` value suggests (`filename*` first), or null. */
export function dispositionFileName(value: string): string | null {
  const extended = /filename\*\s*=\s*([\w!#$%&+^`{}~-]+)'[^']*'([^;\s]+)/i.exec(value);
  if (extended) {
    try {
      if (extended[1]!.toLowerCase() === 'utf-8') return decodeURIComponent(extended[2]!);
    } catch {
      // A malformed escape falls through to the plain parameter.
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(value);
  if (!plain) return null;
  return plain[1] !== undefined ? plain[1].replace(/\\(.)/g, '$1') : (plain[2] ?? null);
}

/**
 * A sensible name for a downloaded body: the `Content-Disposition` file name when the answer
 * gives one (reduced to one safe segment), else `<operationId>.<extension of the media type>`.
 */
export function downloadFileName(
  headers: Readonly<Record<string, string>>,
  operationId: string,
): string {
  const disposition = Object.entries(headers).find(
    ([name]) => name.toLowerCase() === 'content-disposition',
  )?.[1];
  const suggested = disposition ? safeFileName(dispositionFileName(disposition) ?? '') : '';
  if (suggested !== '') return suggested;
  const type = mediaTypeOf(headers);
  return `${operationId}.${extensionFor(type === '' ? 'application/octet-stream' : type)}`;
}

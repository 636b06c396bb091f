import { concatBytes } from './bytes.ts';

/** One part of a multipart/form-data body: a text field or a file. */
export type MultipartPart =
  | { name: string; value: string; contentType?: string }
  | { name: string; file: { path: string; bytes: Uint8Array; contentType: string } };

/** The file name a part announces: the last segment of the local path. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).pop() || 'file';
}

/** Quotes a name for a Content-Disposition parameter (RFC 7578: `"` and `\` escaped, no line breaks). */
function dispositionValue(value: string): string {
  return `"${value.replace(/[\r\n]/g, ' ').replace(/(["\\])/g, '\\$1')}"`;
}

/** True when `needle` occurs in `haystack`. */
function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let index = 0; index < needle.length; index++)
      if (haystack[start + index] !== needle[index]) continue outer;
    return true;
  }
  return false;
}

/**
 * Encodes multipart/form-data (RFC 7578) with a boundary that occurs in no part, and returns
 * the bytes with the matching Content-Type. Deterministic, so the same input gives the same body.
 */
export function encodeMultipart(parts: readonly MultipartPart[]): {
  contentType: string;
  bytes: Uint8Array;
} {
  const encoder = new TextEncoder();
  const contents = parts.map((part) =>
    'file' in part ? part.file.bytes : encoder.encode(part.value),
  );
  let boundary = 'sinch-playground-boundary';
  for (
    let attempt = 1;
    contents.some((bytes) => contains(bytes, encoder.encode(boundary)));
    attempt++
  )
    boundary = `sinch-playground-boundary-${attempt}`;
  const chunks: Uint8Array[] = [];
  parts.forEach((part, index) => {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name=${dispositionValue(part.name)}`;
    if ('file' in part)
      head += `; filename=${dispositionValue(fileNameOf(part.file.path))}\r\nContent-Type: ${part.file.contentType}`;
    else if (part.contentType) head += `\r\nContent-Type: ${part.contentType}`;
    chunks.push(encoder.encode(`${head}\r\n\r\n`), contents[index]!, encoder.encode('\r\n'));
  });
  chunks.push(encoder.encode(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, bytes: concatBytes(chunks) };
}

import { describe, expect, it } from 'vitest';
import type { ProxyEnvelope } from '../request/proxy-contract.ts';
import {
  dispositionFileName,
  downloadFileName,
  envelopeBytes,
  extensionFor,
  isDownloadBody,
  isTextMediaType,
  mediaTypeOf,
} from './response-body.ts';

/** An envelope with the given headers and body. */
function envelope(
  headers: Record<string, string>,
  body = '',
  bodyEncoding: 'utf8' | 'base64' = 'utf8',
): ProxyEnvelope {
  return {
    status: 200,
    statusText: 'OK',
    headers,
    body,
    bodyEncoding,
    durationMs: 1,
    sizeBytes: body.length,
    truncated: false,
  };
}

describe('mediaTypeOf', () => {
  it.each([
    [{ 'content-type': 'Application/PDF; name=x' }, 'application/pdf'],
    [{ 'Content-Type': 'text/csv;charset=utf-8' }, 'text/csv'],
    [{}, ''],
  ])('%j → %s', (headers, expected) => {
    expect(mediaTypeOf(headers)).toBe(expected);
  });
});

describe('isTextMediaType', () => {
  it.each([
    ['application/json', true],
    ['application/problem+json', true],
    ['application/vnd.sinch+json', true],
    ['application/xml', true],
    ['application/atom+xml', true],
    ['text/csv', true],
    ['text/plain', true],
    ['application/pdf', false],
    ['application/octet-stream', false],
    ['image/png', false],
    ['application/jsonp-not', false],
  ])('%s: %s', (type, expected) => {
    expect(isTextMediaType(type)).toBe(expected);
  });
});

describe('isDownloadBody', () => {
  it.each([
    [
      'a PDF, even when its bytes happen to be UTF-8',
      envelope({ 'content-type': 'application/pdf' }, '%PDF-1.4'),
      true,
    ],
    [
      'CSV carried as base64 (not UTF-8)',
      envelope({ 'content-type': 'text/csv' }, '/w==', 'base64'),
      false,
    ],
    ['JSON', envelope({ 'content-type': 'application/json' }, '{}'), false],
    ['untyped bytes', envelope({}, '/w==', 'base64'), true],
    ['untyped text', envelope({}, 'hello'), false],
  ])('%s: %s', (_name, answer, expected) => {
    expect(isDownloadBody(answer)).toBe(expected);
  });
});

describe('envelopeBytes', () => {
  it('decodes base64 and encodes text as UTF-8', () => {
    expect([...envelopeBytes({ body: '/wD+', bodyEncoding: 'base64' })]).toEqual([255, 0, 254]);
    expect([...envelopeBytes({ body: 'é', bodyEncoding: 'utf8' })]).toEqual([0xc3, 0xa9]);
  });
});

describe('extensionFor', () => {
  it.each([
    ['application/pdf', 'pdf'],
    ['image/jpeg', 'jpg'],
    ['application/vnd.api+json', 'json'],
    ['application/x-unknown', 'bin'],
  ])('%s → %s', (type, expected) => {
    expect(extensionFor(type)).toBe(expected);
  });
});

describe('dispositionFileName', () => {
  it.each([
    ['attachment; filename="fax 1.pdf"', 'fax 1.pdf'],
    ['attachment; filename=fax.pdf', 'fax.pdf'],
    ['attachment; filename="a\\"b.pdf"', 'a"b.pdf'],
    ['attachment; filename="plain.pdf"; filename*=UTF-8\'\'%C3%A9t%C3%A9.pdf', 'été.pdf'],
    ['attachment; filename*=UTF-8\'\'%E0%A4%A.pdf; filename="fallback.pdf"', 'fallback.pdf'],
    ['inline', null],
  ])('%s → %s', (value, expected) => {
    expect(dispositionFileName(value)).toBe(expected);
  });
});

describe('downloadFileName', () => {
  it.each([
    [
      'the Content-Disposition name',
      { 'content-disposition': 'attachment; filename="fax-01.pdf"' },
      'fax-01.pdf',
    ],
    [
      'only the last segment of a path',
      { 'content-disposition': 'attachment; filename="../../etc/passwd"' },
      'passwd',
    ],
    [
      'no controls or reserved characters',
      { 'content-disposition': 'attachment; filename="a\u0001b:c.pdf"' },
      'a_b_c.pdf',
    ],
    [
      'the operation and the media type without one',
      { 'content-type': 'application/pdf' },
      'downloadFaxContent.pdf',
    ],
    [
      'the operation and .bin for a dot-only name',
      { 'content-disposition': 'attachment; filename=".."' },
      'downloadFaxContent.bin',
    ],
    ['.bin without any type', {}, 'downloadFaxContent.bin'],
  ])('uses %s', (_name, headers, expected) => {
    expect(downloadFileName(headers, 'downloadFaxContent')).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { samplePdf } from './sample-pdf.ts';

describe('samplePdf', () => {
  const bytes = samplePdf('Sample fax (page 1) from the mock');
  const text = new TextDecoder('latin1').decode(bytes);

  it('is a PDF file marked as binary, ending with %%EOF', () => {
    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    expect(bytes[10]).toBeGreaterThan(127);
    expect(text.endsWith('%%EOF\n')).toBe(true);
  });

  it('points every cross-reference entry and startxref at what they name', () => {
    const startxref = Number(/startxref\n(\d+)/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const entries = [...text.matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]));
    expect(entries).toHaveLength(5);
    entries.forEach((offset, index) => {
      expect(text.slice(offset).startsWith(`${index + 1} 0 obj`)).toBe(true);
    });
  });

  it('escapes parentheses in the line and counts the stream length', () => {
    expect(text).toContain('(Sample fax \\(page 1\\) from the mock) Tj');
    const length = Number(/\/Length (\d+)/.exec(text)?.[1]);
    const stream = /stream\n([\s\S]*?)\nendstream/.exec(text)?.[1] ?? '';
    expect(stream.length).toBe(length);
  });
});

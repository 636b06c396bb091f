import { describe, expect, it } from 'vitest';
import type { SnippetInput } from '../types.ts';
import { javaString, javaTarget } from './java.ts';

const MULTIPART: SnippetInput = {
  request: {
    method: 'POST',
    url: 'https://fax.api.sinch.com/v3/projects/demo-project/faxes',
    headers: { Accept: 'application/json', 'Content-Type': 'multipart/form-data' },
    body: null,
    auth: { type: 'none' },
  },
  auth: { type: 'basic', keyId: 'demo-key', keySecret: 'demo-secret' },
  credentialMode: 'inline',
  content: {
    kind: 'multipart',
    parts: [
      { name: 'to', value: '+14155552222' },
      { name: 'say "hi"', value: 'line 1\r\nline 2', contentType: 'text/plain' },
      { name: 'file', path: "/tmp/fax page's 1.pdf", contentType: 'application/pdf' },
    ],
  },
};

describe('javaString', () => {
  it.each([
    ['plain', '"plain"'],
    ['say "hi" \\ there', '"say \\"hi\\" \\\\ there"'],
    ['\r\n\t\b\f', '"\\r\\n\\t\\b\\f"'],
    ['\u0001', '"\\u0001"'],
  ])('%j', (value, expected) => {
    expect(javaString(value)).toBe(expected);
  });
});

describe('java target, multipart bodies', () => {
  const text = javaTarget.generate(MULTIPART);

  it('writes CR LF as escapes, never as raw line breaks inside string literals', () => {
    expect(text).not.toContain('\r');
    expect(text).toContain(
      'form.write(("--" + boundary + "\\r\\nContent-Disposition: form-data; name=\\"to\\"\\r\\n\\r\\n").getBytes(StandardCharsets.UTF_8));',
    );
  });

  it('escapes quotes in part names twice: for the header and for the Java literal', () => {
    expect(text).toContain(
      'name=\\"say \\\\\\"hi\\\\\\"\\"\\r\\nContent-Type: text/plain\\r\\n\\r\\n"',
    );
    expect(text).toContain('form.write(("line 1\\r\\nline 2").getBytes(StandardCharsets.UTF_8));');
  });

  it("names the file part after the file and sends the file's bytes", () => {
    expect(text).toContain(
      '"\\r\\nContent-Disposition: form-data; name=\\"file\\"; filename=\\"" + Path.of("/tmp/fax page\'s 1.pdf").getFileName() + "\\"\\r\\nContent-Type: application/pdf\\r\\n\\r\\n"',
    );
    expect(text).toContain('form.write(Files.readAllBytes(Path.of("/tmp/fax page\'s 1.pdf")));');
    expect(text).toContain('.header("Content-Type", "multipart/form-data; boundary=" + boundary)');
  });
});

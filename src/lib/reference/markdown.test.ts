import { describe, expect, it } from 'vitest';
import { escapeHtml, renderMarkdown } from './markdown.ts';

describe('renderMarkdown', () => {
  it.each([
    ['**bold** and `code`', '<p><strong>bold</strong> and <code>code</code></p>'],
    [
      '[docs](https://example.com/a?b=1&c=2)',
      '<p><a href="https://example.com/a?b=1&amp;c=2">docs</a></p>',
    ],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['<img src=x onerror="alert(1)">', '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'],
    ['[x](javascript:alert(1))', '<p><a href="">x</a></p>'],
    ['[x](data:text/html,hi)', '<p><a href="">x</a></p>'],
  ])('%s', (source, html) => {
    expect(renderMarkdown(source)).toContain(html);
  });

  it('never lets a tag through', () => {
    const html = renderMarkdown(
      'Text <iframe src="https://evil.example"></iframe> and <b onclick=x>b</b>',
    );
    expect(html).not.toMatch(/<(iframe|b)[\s>]/);
  });
});

describe('renderMarkdown on repeated text', () => {
  it('gives the same HTML for the same source, and its own for another', () => {
    const first = renderMarkdown('The **project** ID.');
    expect(renderMarkdown('The **project** ID.')).toBe(first);
    expect(first).toBe('<p>The <strong>project</strong> ID.</p>');
    expect(renderMarkdown('The **key** ID.')).toBe('<p>The <strong>key</strong> ID.</p>');
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`<a href="x">&</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });
});

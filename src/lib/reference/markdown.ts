import { micromark } from 'micromark';

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/**
 * Descriptions already rendered, by source. Shared parameters and schemas repeat the same text
 * on every page of an API; the sources come from our own documents, so the map stays their size.
 */
const rendered = new Map<string, string>();

/**
 * CommonMark from an OpenAPI document as HTML that is safe to inline: raw HTML in the source is
 * escaped and links with dangerous protocols (`javascript:`, `data:`) lose their href
 * (micromark's defaults, stated here so nobody turns them on by accident).
 */
export function renderMarkdown(source: string): string {
  let html = rendered.get(source);
  if (html === undefined) {
    html = micromark(source, { allowDangerousHtml: false, allowDangerousProtocol: false }).trim();
    rendered.set(source, html);
  }
  return html;
}

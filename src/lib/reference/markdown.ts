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
 * CommonMark from an OpenAPI document as HTML that is safe to inline: raw HTML in the source is
 * escaped and links with dangerous protocols (`javascript:`, `data:`) lose their href
 * (micromark's defaults, stated here so nobody turns them on by accident).
 */
export function renderMarkdown(source: string): string {
  return micromark(source, { allowDangerousHtml: false, allowDangerousProtocol: false }).trim();
}

/** Loads the lazy highlighter once, on the reader's first sign of interest; shared by every panel. */
type Highlighter = typeof import('./highlight.ts');

let highlighter: Promise<Highlighter> | undefined;

/** Starts loading the highlighter (once) and resolves with it. */
export function loadHighlighter(): Promise<Highlighter> {
  highlighter ??= import('./highlight.ts');
  return highlighter;
}

/** The highlighter if loading has started, so renders before that stay plain and cheap. */
export function requestedHighlighter(): Promise<Highlighter> | undefined {
  return highlighter;
}

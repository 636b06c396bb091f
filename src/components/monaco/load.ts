/**
 * Loads the Monaco bundle (src/components/monaco/editor.ts, built apart from the site by
 * src/lib/build/monaco-bundle.ts) on first use. Its address comes from the build.
 */
import { MONACO_ENTRY_URL } from 'virtual:monaco-bundle';

/** What the Monaco bundle exports. */
export type MonacoBundle = typeof import('./editor.ts');

let loading: Promise<MonacoBundle> | undefined;

/** The Monaco bundle, fetched once per page. */
export function loadMonaco(): Promise<MonacoBundle> {
  loading ??= import(/* @vite-ignore */ MONACO_ENTRY_URL) as Promise<MonacoBundle>;
  return loading;
}

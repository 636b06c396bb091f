/** Provided by the Monaco bundle integration (src/lib/build/monaco-bundle.ts). */
declare module 'virtual:monaco-bundle' {
  /** URL path of the bundle's entry module, e.g. `/_astro/monaco/1a2b3c4d5e6f/editor.js`. */
  export const MONACO_ENTRY_URL: string;
}

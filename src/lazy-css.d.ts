/** Collected by the lazy-css build plugin (src/lib/build/lazy-css.ts). */
declare module 'virtual:lazy-css' {
  /** Every recorded stylesheet's text in import order; empty after the first call. */
  export function takeLazyCss(): string;
}

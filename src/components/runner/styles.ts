/**
 * The runner's stylesheet, added when it opens: the runner is built by script after load, so it
 * cannot use the playground's scoped styles, and its CSS must not weigh on pages that never open it.
 */
export const RUNNER_CSS = `
.sinch-runner { display: flex; flex-direction: column; gap: 0.5rem; margin-block-start: 0.75rem; }
.sinch-runner-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
.sinch-runner-button {
  border: 1px solid var(--sl-color-gray-4); border-radius: 0.25rem; padding: 0.3rem 0.75rem;
  background: var(--sl-color-bg); color: var(--sl-color-white); font: inherit; cursor: pointer;
}
.sinch-runner-button.sinch-runner-primary {
  border-color: var(--sl-color-accent); background: var(--sl-color-accent); color: var(--sl-color-black);
  font-weight: 600;
}
.sinch-runner-button:disabled { opacity: 0.55; cursor: not-allowed; }
.sinch-runner-button:focus-visible { outline: 2px solid var(--sl-color-accent-high); outline-offset: 2px; }
.sinch-runner-note { color: var(--sl-color-gray-2); font-size: var(--sl-text-xs); }
.sinch-runner-editor {
  height: 24rem; border: 1px solid var(--sl-color-gray-5); border-radius: 0.25rem; overflow: hidden;
}
.sinch-runner-problems { margin: 0; white-space: pre-wrap; font-size: var(--sl-text-xs); }
.sinch-runner-problems[data-state='error'] { color: var(--sl-color-red-high); }
.sinch-runner-output {
  border: 1px solid var(--sl-color-gray-5); border-radius: 0.25rem; padding: 0.5rem;
}
.sinch-runner-output > p { margin: 0 0 0.25rem; font-weight: 600; }
.sinch-runner-log {
  margin: 0; max-height: 20rem; min-height: 3rem; overflow: auto; white-space: pre-wrap;
  overflow-wrap: anywhere; font-family: var(--__sl-font-mono); font-size: var(--sl-text-xs);
  background: var(--sl-color-gray-6); padding: 0.5rem; border-radius: 0.25rem;
}
.sinch-runner-line[data-kind='error'] { color: var(--sl-color-red-high); }
.sinch-runner-line[data-kind='warn'], .sinch-runner-line[data-kind='hint'] { color: var(--sl-color-orange-high); }
.sinch-runner-line[data-kind='request'], .sinch-runner-line[data-kind='response'] { color: var(--sl-color-blue-high); font-weight: 600; }
`;

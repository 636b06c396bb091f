import type { ServerVariableModel } from './types.ts';

/**
 * A server URL with each `{variable}` replaced by its chosen value, else its default. Its own
 * module, free of the document reader, so browser code can fill templates too.
 */
export function fillServerTemplate(
  template: string,
  variables: readonly ServerVariableModel[],
  chosen: Readonly<Record<string, string>>,
): string {
  return template.replace(/\{([^}]+)\}/g, (match, name: string) => {
    const variable = variables.find((candidate) => candidate.name === name);
    return chosen[name] ?? variable?.default ?? match;
  });
}

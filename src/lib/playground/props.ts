import { z } from 'astro/zod';
import type { OperationModel } from '../openapi/types.ts';

/** The props of `<Playground/>`, as a page author writes them. */
export const playgroundPropsSchema = z.object({
  /** `operationId` of the operation to try, from one of the site's OpenAPI documents. */
  operation: z.string(),
  /** Values the parameter fields start with, by parameter name; an array for a multi-value field. */
  defaults: z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({}),
  /** Server selected on load: the embedded mock (default) or the operation's first Sinch server. */
  server: z.enum(['sinch', 'mock']).default('mock'),
  /** Authentication selected on load: Basic (default, testing only) or OAuth2 (production). */
  auth: z.enum(['basic', 'oauth2']).default('basic'),
});

/** Props as written on a page (defaults optional). */
export type PlaygroundProps = z.input<typeof playgroundPropsSchema>;

/** Props after parsing, every default filled in. */
export type PlaygroundOptions = z.output<typeof playgroundPropsSchema>;

/** How a playground authenticates: Basic or an OAuth2 token fetched with the key. */
export type AuthMode = PlaygroundOptions['auth'];

/** What the page hands the browser: the parsed props with the operation resolved to its model. */
export interface PlaygroundModel extends Omit<PlaygroundOptions, 'operation'> {
  operation: OperationModel;
}

/** Parses `<Playground/>` props, or throws an error naming every invalid prop. */
export function parsePlaygroundProps(props: unknown): PlaygroundOptions {
  const parsed = playgroundPropsSchema.safeParse(props);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues
    .map((issue) => `${issue.path.join('.') || 'props'}: ${issue.message}`)
    .join('; ');
  throw new Error(`Invalid prop passed to the <Playground/> component: ${problems}`);
}

/** Resolves the operation id of parsed props, or throws an error listing the valid ids. */
export function playgroundModel(
  options: PlaygroundOptions,
  operations: ReadonlyMap<string, OperationModel>,
): PlaygroundModel {
  const operation = operations.get(options.operation);
  if (!operation)
    throw new Error(
      `<Playground operation="${options.operation}"/>: unknown operation. Valid operations: ${[...operations.keys()].join(', ')}.`,
    );
  return { ...options, operation };
}

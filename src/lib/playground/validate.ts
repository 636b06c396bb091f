import type { OperationModel } from '../openapi/types.ts';
import { checkParameterValues } from '../request/build.ts';
import type { ParameterValues } from '../request/types.ts';

/** Formats our documents share, said in the reader's words instead of as a pattern. */
const FORMAT_HINTS: Readonly<Record<string, string>> = {
  '^[A-Z]{2}$': 'two capital letters, such as US',
};

/**
 * Problems with the parameter values as typed, by parameter name, for the messages under the
 * fields. The checks are the request builder's (`checkParameterValues`), so the form and the
 * request agree; a field whose pattern has a hint gets the hint instead.
 */
export function parameterProblems(
  operation: OperationModel,
  params: ParameterValues,
): Map<string, string> {
  const problems = new Map<string, string>();
  for (const { field, message } of checkParameterValues(operation, params)) {
    const pattern = operation.parameters.find((parameter) => parameter.name === field)?.schema
      .pattern;
    const hint = pattern === undefined ? undefined : FORMAT_HINTS[pattern];
    problems.set(field, hint ? `${field} must be ${hint}.` : message);
  }
  return problems;
}

/** One invalid field, in the Numbers API's `fieldViolations` shape. */
export interface FieldViolation {
  field: string;
  description: string;
}

/** A JSON response. */
export function json(
  status: number,
  data: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** An error body shaped like the Numbers API's: `{ error: { code, message, status, details } }`. */
export function sinchError(
  code: number,
  status: string,
  message: string,
  details: unknown[] = [],
  headers: Record<string, string> = {},
): Response {
  return json(code, { error: { code, message, status, details } }, headers);
}

/** 400 INVALID_ARGUMENT listing every field at fault. */
export function invalidArgument(violations: FieldViolation[]): Response {
  return sinchError(400, 'INVALID_ARGUMENT', 'Request contains invalid arguments.', [
    { type: 'BadRequest', fieldViolations: violations },
  ]);
}

/** 404 NOT_FOUND naming the missing resource. */
export function notFound(resourceType: string, resourceName: string): Response {
  return sinchError(404, 'NOT_FOUND', `${resourceType} not found.`, [
    {
      type: 'ResourceInfo',
      resourceType,
      resourceName,
      owner: '',
      description: `No ${resourceType} ${resourceName}.`,
    },
  ]);
}

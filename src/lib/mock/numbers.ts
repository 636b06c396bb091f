import {
  AVAILABLE_NUMBERS,
  AVAILABLE_REGIONS,
  CAPABILITIES,
  NUMBER_TYPES,
  type ActiveNumberEdits,
  type MockActiveNumber,
} from './data.ts';
import { invalidArgument, json, notFound, type FieldViolation } from './responses.ts';

const SEARCH_PATTERNS = ['START', 'CONTAINS', 'END'];
const MAX_PAGE_SIZE = 1000;

interface NumberFilter {
  regionCode: string | null;
  type: string | null;
  capabilities: string[];
  pattern: string | null;
  searchPattern: string;
}

/** Reads and checks the filter parameters shared by both list endpoints. */
function readFilter(
  query: URLSearchParams,
  capabilityName: string,
  required: boolean,
  violations: FieldViolation[],
): NumberFilter {
  const regionCode = query.get('regionCode');
  const type = query.get('type');
  if (regionCode === null ? required : !/^[A-Z]{2}$/.test(regionCode))
    violations.push({
      field: 'regionCode',
      description: 'Must be a two-letter ISO 3166-1 alpha-2 code, e.g. US.',
    });
  if (type === null ? required : !(NUMBER_TYPES as readonly string[]).includes(type))
    violations.push({ field: 'type', description: `Must be one of ${NUMBER_TYPES.join(', ')}.` });
  const capabilities = query.getAll(capabilityName).flatMap((c) => c.split(','));
  for (const capability of capabilities)
    if (!(CAPABILITIES as readonly string[]).includes(capability))
      violations.push({
        field: capabilityName,
        description: `"${capability}" is not SMS or VOICE.`,
      });
  const pattern = query.get('numberPattern.pattern');
  if (pattern !== null && !/^\+?\d{1,15}$/.test(pattern))
    violations.push({
      field: 'numberPattern.pattern',
      description: 'Must be a sequence of digits, optionally with a leading +.',
    });
  const searchPattern = query.get('numberPattern.searchPattern') ?? 'CONTAINS';
  if (!SEARCH_PATTERNS.includes(searchPattern))
    violations.push({
      field: 'numberPattern.searchPattern',
      description: 'Must be START, CONTAINS or END.',
    });
  return { regionCode, type, capabilities, pattern, searchPattern };
}

/** True when a number passes the filter. */
function matches(
  number: { phoneNumber: string; regionCode: string; type: string; capability: readonly string[] },
  filter: NumberFilter,
): boolean {
  if (filter.regionCode !== null && number.regionCode !== filter.regionCode) return false;
  if (filter.type !== null && number.type !== filter.type) return false;
  if (!filter.capabilities.every((c) => number.capability.includes(c))) return false;
  if (filter.pattern === null) return true;
  const digits = number.phoneNumber.slice(1);
  const wanted = filter.pattern.replace(/^\+/, '');
  if (filter.searchPattern === 'START') return digits.startsWith(wanted);
  if (filter.searchPattern === 'END') return digits.endsWith(wanted);
  return digits.includes(wanted);
}

/** Reads an optional positive integer parameter, recording a violation when it is not one. */
function readCount(
  query: URLSearchParams,
  name: string,
  max: number,
  violations: FieldViolation[],
): number | null {
  const value = query.get(name);
  if (value === null) return null;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) {
    violations.push({ field: name, description: `Must be a whole number from 1 to ${max}.` });
    return null;
  }
  return Number(value);
}

/** GET …/availableNumbers: validates like Sinch, then lists matching numbers not yet rented. */
export function listAvailableNumbers(
  query: URLSearchParams,
  rented: ReadonlySet<string>,
): Response {
  const violations: FieldViolation[] = [];
  const filter = readFilter(query, 'capabilities', true, violations);
  const size = readCount(query, 'size', MAX_PAGE_SIZE, violations);
  if (violations.length > 0) return invalidArgument(violations);
  const found = AVAILABLE_NUMBERS.filter((n) => !rented.has(n.phoneNumber) && matches(n, filter));
  return json(200, { availableNumbers: found.slice(0, size ?? found.length) });
}

/** GET …/availableNumbers/{phoneNumber}. */
export function getAvailableNumber(phoneNumber: string, rented: ReadonlySet<string>): Response {
  const number = AVAILABLE_NUMBERS.find(
    (n) => n.phoneNumber === phoneNumber && !rented.has(n.phoneNumber),
  );
  return number === undefined ? notFound('AvailableNumber', phoneNumber) : json(200, number);
}

/** GET …/availableRegions, optionally filtered by `types`. */
export function listAvailableRegions(query: URLSearchParams): Response {
  const types = query.getAll('types').flatMap((t) => t.split(','));
  const bad = types.filter((t) => !(NUMBER_TYPES as readonly string[]).includes(t));
  if (bad.length > 0)
    return invalidArgument(
      bad.map((t) => ({ field: 'types', description: `"${t}" is not a number type.` })),
    );
  const regions = AVAILABLE_REGIONS.filter(
    (r) => types.length === 0 || r.types.some((t) => types.includes(t)),
  );
  return json(200, { availableRegions: regions });
}

/** Opaque page token: the base64 of the offset of the next page. */
function encodePageToken(offset: number): string {
  return btoa(`offset:${offset}`);
}

/** The offset a page token stands for, or null when it is not one the mock issued. */
function decodePageToken(token: string): number | null {
  try {
    const match = /^offset:(\d+)$/.exec(atob(token));
    return match?.[1] === undefined ? null : Number(match[1]);
  } catch {
    return null;
  }
}

/** GET …/activeNumbers, paged with `pageSize` and `pageToken`. */
export function listActiveNumbers(
  query: URLSearchParams,
  numbers: readonly MockActiveNumber[],
): Response {
  const violations: FieldViolation[] = [];
  const filter = readFilter(query, 'capability', false, violations);
  const pageSize = readCount(query, 'pageSize', MAX_PAGE_SIZE, violations) ?? 100;
  const token = query.get('pageToken');
  const offset = token === null || token === '' ? 0 : decodePageToken(token);
  if (offset === null)
    violations.push({ field: 'pageToken', description: 'Not a page token returned by this API.' });
  const orderBy = query.get('orderBy');
  if (orderBy !== null && orderBy !== 'phoneNumber' && orderBy !== 'displayName')
    violations.push({ field: 'orderBy', description: 'Must be phoneNumber or displayName.' });
  if (violations.length > 0 || offset === null) return invalidArgument(violations);
  const key: 'phoneNumber' | 'displayName' =
    orderBy === 'displayName' ? 'displayName' : 'phoneNumber';
  const found = numbers
    .filter((n) => matches(n, filter))
    .sort((a, b) => a[key].localeCompare(b[key]));
  const page = found.slice(offset, offset + pageSize);
  const next = offset + pageSize < found.length ? encodePageToken(offset + pageSize) : '';
  return json(200, { activeNumbers: page, nextPageToken: next, totalSize: found.length });
}

/** Longest values the mock keeps, from the Numbers document (`callbackUrl`: a generous URL length). */
export const FIELD_LIMITS = {
  displayName: 100,
  callbackUrl: 512,
  servicePlanId: 64,
  campaignId: 64,
} as const;

/** True for a string of at most `max` characters. */
function isShortString(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max;
}

/**
 * PATCH …/activeNumbers/{phoneNumber}: checks the JSON body against the schema (known fields,
 * types, lengths) and returns the changes to apply, or the 400 naming every field at fault.
 */
export function parseActiveNumberUpdate(
  text: string,
): { edits: ActiveNumberEdits } | { refused: Response } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { refused: invalidArgument([{ field: 'body', description: 'Must be a JSON object.' }]) };
  const input = body as Record<string, unknown>;
  const violations: FieldViolation[] = [];
  for (const key of Object.keys(input))
    if (!['displayName', 'callbackUrl', 'smsConfiguration', 'voiceConfiguration'].includes(key))
      violations.push({ field: key, description: 'Unknown field.' });
  const { displayName, callbackUrl, smsConfiguration } = input;
  if (displayName !== undefined && !isShortString(displayName, FIELD_LIMITS.displayName))
    violations.push({
      field: 'displayName',
      description: `Must be a string of at most ${FIELD_LIMITS.displayName} characters.`,
    });
  if (
    callbackUrl !== undefined &&
    (!isShortString(callbackUrl, FIELD_LIMITS.callbackUrl) ||
      !/^(https:\/\/\S+)?$/.test(callbackUrl))
  )
    violations.push({
      field: 'callbackUrl',
      description: `Must be an https URL of at most ${FIELD_LIMITS.callbackUrl} characters, or empty.`,
    });
  const sms = smsConfiguration as { servicePlanId?: unknown; campaignId?: unknown } | undefined;
  if (sms !== undefined && (typeof sms !== 'object' || sms === null))
    violations.push({ field: 'smsConfiguration', description: 'Must be an object.' });
  else if (sms !== undefined) {
    if (!isShortString(sms.servicePlanId, FIELD_LIMITS.servicePlanId))
      violations.push({
        field: 'smsConfiguration.servicePlanId',
        description: `Must be a string of at most ${FIELD_LIMITS.servicePlanId} characters.`,
      });
    if (sms.campaignId !== undefined && !isShortString(sms.campaignId, FIELD_LIMITS.campaignId))
      violations.push({
        field: 'smsConfiguration.campaignId',
        description: `Must be a string of at most ${FIELD_LIMITS.campaignId} characters.`,
      });
  }
  if (violations.length > 0) return { refused: invalidArgument(violations) };
  const edits: ActiveNumberEdits = {};
  if (typeof displayName === 'string') edits.displayName = displayName;
  if (typeof callbackUrl === 'string') edits.callbackUrl = callbackUrl;
  if (sms !== undefined && typeof sms.servicePlanId === 'string')
    edits.smsConfiguration = {
      servicePlanId: sms.servicePlanId,
      ...(typeof sms.campaignId === 'string' ? { campaignId: sms.campaignId } : {}),
    };
  return { edits };
}

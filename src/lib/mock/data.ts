/** Number types and capabilities as the Numbers API names them. */
export const NUMBER_TYPES = ['MOBILE', 'LOCAL', 'TOLL_FREE'] as const;
export type NumberType = (typeof NUMBER_TYPES)[number];
export const CAPABILITIES = ['SMS', 'VOICE'] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** A price as the Numbers API writes it. */
export interface Money {
  currencyCode: string;
  amount: string;
}

/** A number the mock offers for rent. */
export interface MockAvailableNumber {
  phoneNumber: string;
  regionCode: string;
  type: NumberType;
  capability: Capability[];
  setupPrice: Money;
  monthlyPrice: Money;
  paymentIntervalMonths: number;
  supportingDocumentationRequired: boolean;
}

interface RegionSpec {
  regionCode: string;
  regionName: string;
  currencyCode: string;
  /** Per type: number prefix (E.164, drama/fiction ranges where they exist), capabilities, setup and monthly price. */
  ranges: {
    type: NumberType;
    prefix: string;
    capability: Capability[];
    setup: string;
    monthly: string;
    docs: boolean;
  }[];
}

const REGIONS: RegionSpec[] = [
  {
    regionCode: 'US',
    regionName: 'United States',
    currencyCode: 'USD',
    ranges: [
      {
        type: 'LOCAL',
        prefix: '+1202555',
        capability: ['SMS', 'VOICE'],
        setup: '0.00',
        monthly: '2.00',
        docs: false,
      },
      {
        type: 'TOLL_FREE',
        prefix: '+1833555',
        capability: ['SMS', 'VOICE'],
        setup: '0.00',
        monthly: '4.00',
        docs: false,
      },
    ],
  },
  {
    regionCode: 'GB',
    regionName: 'United Kingdom',
    currencyCode: 'GBP',
    ranges: [
      {
        type: 'MOBILE',
        prefix: '+4477009',
        capability: ['SMS', 'VOICE'],
        setup: '0.00',
        monthly: '3.50',
        docs: false,
      },
      {
        type: 'LOCAL',
        prefix: '+4420794',
        capability: ['VOICE'],
        setup: '1.00',
        monthly: '1.50',
        docs: false,
      },
    ],
  },
  {
    regionCode: 'DE',
    regionName: 'Germany',
    currencyCode: 'EUR',
    ranges: [
      {
        type: 'LOCAL',
        prefix: '+4930901',
        capability: ['VOICE'],
        setup: '5.00',
        monthly: '1.00',
        docs: true,
      },
      {
        type: 'MOBILE',
        prefix: '+4915790',
        capability: ['SMS', 'VOICE'],
        setup: '10.00',
        monthly: '6.00',
        docs: true,
      },
    ],
  },
  {
    regionCode: 'SE',
    regionName: 'Sweden',
    currencyCode: 'SEK',
    ranges: [
      {
        type: 'MOBILE',
        prefix: '+4670174',
        capability: ['SMS', 'VOICE'],
        setup: '0.00',
        monthly: '35.00',
        docs: false,
      },
      {
        type: 'LOCAL',
        prefix: '+4684655',
        capability: ['VOICE'],
        setup: '0.00',
        monthly: '20.00',
        docs: false,
      },
    ],
  },
  {
    regionCode: 'FR',
    regionName: 'France',
    currencyCode: 'EUR',
    ranges: [
      {
        type: 'MOBILE',
        prefix: '+3363998',
        capability: ['SMS'],
        setup: '0.00',
        monthly: '4.00',
        docs: true,
      },
    ],
  },
  {
    regionCode: 'AU',
    regionName: 'Australia',
    currencyCode: 'AUD',
    ranges: [
      {
        type: 'MOBILE',
        prefix: '+6149100',
        capability: ['SMS', 'VOICE'],
        setup: '0.00',
        monthly: '9.00',
        docs: true,
      },
    ],
  },
];

const NUMBERS_PER_RANGE = 12;

/** Every number the mock offers, generated the same way on every run. */
export const AVAILABLE_NUMBERS: readonly MockAvailableNumber[] = REGIONS.flatMap((region) =>
  region.ranges.flatMap((range) =>
    Array.from({ length: NUMBERS_PER_RANGE }, (_, i) => ({
      phoneNumber: `${range.prefix}${String(100 + i * 7).padStart(4, '0')}`,
      regionCode: region.regionCode,
      type: range.type,
      capability: [...range.capability],
      setupPrice: { currencyCode: region.currencyCode, amount: range.setup },
      monthlyPrice: { currencyCode: region.currencyCode, amount: range.monthly },
      paymentIntervalMonths: 1,
      supportingDocumentationRequired: range.docs,
    })),
  ),
);

/** Regions with the number types the mock has for each. */
export const AVAILABLE_REGIONS = REGIONS.map((region) => ({
  regionCode: region.regionCode,
  regionName: region.regionName,
  types: [...new Set(region.ranges.map((r) => r.type))],
}));

/** A number rented by a project. */
export interface MockActiveNumber {
  phoneNumber: string;
  projectId: string;
  displayName: string;
  regionCode: string;
  type: NumberType;
  capability: Capability[];
  money: Money;
  paymentIntervalMonths: number;
  nextChargeDate: string;
  expireAt: string;
  callbackUrl: string;
  smsConfiguration?: { servicePlanId: string; campaignId?: string };
}

/** What a PATCH may change on an active number. */
export type ActiveNumberEdits = Partial<
  Pick<MockActiveNumber, 'displayName' | 'callbackUrl' | 'smsConfiguration'>
>;

/** The numbers `projectId` has rented at start: every third available number, with fixed dates. */
export function initialActiveNumbers(projectId: string): MockActiveNumber[] {
  return AVAILABLE_NUMBERS.filter((_, i) => i % 3 === 0).map((n, i) => ({
    phoneNumber: n.phoneNumber,
    projectId,
    displayName: `Demo number ${i + 1}`,
    regionCode: n.regionCode,
    type: n.type,
    capability: [...n.capability],
    money: { ...n.monthlyPrice },
    paymentIntervalMonths: 1,
    nextChargeDate: '2026-12-01T00:00:00Z',
    expireAt: '2027-12-01T00:00:00Z',
    callbackUrl: '',
  }));
}

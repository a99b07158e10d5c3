/**
 * The pipelines every tenant starts with: the nine-step sales method (销售九步法) for business and
 * government customers, a short pipeline for consumers, and the usual reasons a deal is lost.
 */

/** A stage as the defaults describe it. */
export type DefaultStage = {
  key: string;
  name: string;
  probability: number;
  won?: boolean;
  lost?: boolean;
  guidance: string;
};

/** The nine steps; the first two, reaching the customer and finding the decision maker, are the hardest. */
export const NINE_STEPS: readonly DefaultStage[] = [
  {
    key: 'reach',
    name: 'Reach the customer',
    probability: 0.05,
    guidance: 'Get a first conversation with the account (客户触达).',
  },
  {
    key: 'decision_maker',
    name: 'Find the decision maker',
    probability: 0.1,
    guidance: 'Name who decides, who pays and who uses (找决策人).',
  },
  {
    key: 'needs',
    name: 'Needs discovery',
    probability: 0.2,
    guidance: 'Fill in the requirements form; confirm budget and timeline.',
  },
  {
    key: 'solution',
    name: 'Solution presentation',
    probability: 0.3,
    guidance: 'Present the external deck (15 minutes, no prices).',
  },
  {
    key: 'poc',
    name: 'POC / trial',
    probability: 0.45,
    guidance: 'Agree the test path and success criteria; hand over the report pack.',
  },
  {
    key: 'negotiation',
    name: 'Business negotiation',
    probability: 0.6,
    guidance: 'Settle price, terms and delivery with procurement.',
  },
  {
    key: 'contract',
    name: 'Tender or contract',
    probability: 0.8,
    guidance: 'Offer tender parameters, submit the tender or sign the contract.',
  },
  {
    key: 'close',
    name: 'Close',
    probability: 1,
    won: true,
    guidance: 'Won: the order goes to the warehouse.',
  },
  {
    key: 'delivery',
    name: 'Delivery and after-sales',
    probability: 1,
    won: true,
    guidance: 'Deliver, train, collect feedback and referrals.',
  },
  { key: 'lost', name: 'Lost', probability: 0, lost: true, guidance: 'Record why, and when to try again.' },
];

/** Consumers close within a week: a few calls and about one meeting. */
export const CONSUMER_STEPS: readonly DefaultStage[] = [
  { key: 'contact', name: 'First contact', probability: 0.1, guidance: 'Call within a day of the enquiry.' },
  { key: 'interest', name: 'Interest confirmed', probability: 0.3, guidance: '3–5 calls; learn the motive.' },
  { key: 'offer', name: 'Visit or offer', probability: 0.6, guidance: 'About one meeting; make the offer.' },
  { key: 'won', name: 'Won', probability: 1, won: true, guidance: 'Won: the order goes to the warehouse.' },
  { key: 'lost', name: 'Lost', probability: 0, lost: true, guidance: 'Record why.' },
];

/** One default pipeline per customer kind. */
export const DEFAULT_PIPELINES: readonly {
  customerKind: string;
  name: string;
  stages: readonly DefaultStage[];
}[] = [
  { customerKind: 'business', name: 'Nine-step sales (business)', stages: NINE_STEPS },
  { customerKind: 'government', name: 'Nine-step sales (government)', stages: NINE_STEPS },
  { customerKind: 'consumer', name: 'Consumer sales', stages: CONSUMER_STEPS },
];

/** The lost reasons every tenant starts with. */
export const DEFAULT_LOST_REASONS: readonly string[] = [
  'Price',
  'Chose a competitor',
  'No budget',
  'No decision',
  'Timing',
  'Other',
];

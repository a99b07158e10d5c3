/**
 * The rows of the demo's customers, pools, histories and buying committees, built in memory from
 * the demo's seeded sequence; demo-seed.service.ts writes them through the features that own them.
 */
import { DAY_MS } from '../../../platform/clock.js';
import { newId } from '../../../platform/ids.js';
import type { NewContactRow, NewMemberRow } from '../contact/contact.service.js';
import { SERVICE_PERSONAS, type CreateCustomerInput } from '../customer/customer.contract.js';
import type { CustomerSeedRow } from '../customer/customer-record.service.js';
import { matchColumnsOf } from '../customer/customer-rules.contract.js';
import type { NewTierChange } from '../customer/customer-tier.service.js';
import type { NewPoolMove } from '../customer/ownership.service.js';
import type { FollowUpSeedRow } from '../follow-up/follow-up.service.js';
import { emailKey, phoneKey } from '../matching/matching.contract.js';
import type { PoolSeedRow } from '../pool/pool.service.js';
import { committeeNames, departmentOf, followUpNotes, titles } from './demo-texts.js';

/** The default recall windows (crm-settings.contract.ts), which the demo's follow-up dates are spread over. */
const RECALL_DAYS = { A: 30, B: 21, C: 15, D: 10, unset: 10 } as const;

/** Who the demo customers belong to: owners, and the team of each owner that has one. */
export type DemoOwners = { ownerIds: string[]; teamOf: (userId: string) => string | null };

/** Everything the demo writes, collected row by row before one transaction writes it. */
export type DemoRows = {
  pools: PoolSeedRow[];
  customers: CustomerSeedRow[];
  moves: NewPoolMove[];
  tiers: NewTierChange[];
  visits: FollowUpSeedRow[];
  persons: NewContactRow[];
  members: NewMemberRow[];
};

/** The demo's seeded sequence and the moment it is built at. */
export type DemoDraw = { rnd: () => number; pick: <T>(list: readonly T[]) => T; now: number };

/** The demo's two pools: the default one and a regional one. */
export function demoPools(tenantId: string, now: number): PoolSeedRow[] {
  const pool = (name: string, region: string | null, isDefault: boolean): PoolSeedRow => ({
    tenantId,
    id: newId(),
    name,
    region,
    isDefault,
    createdAt: new Date(now),
  });
  return [pool('公海 Public pool', null, true), pool('华南公海 South China', '广东省', false)];
}

/** When a demo customer was created and last contacted, and how many follow-ups it had. */
type Timeline = { createdAt: Date; lastContact: Date; contacts: number };

/**
 * Most owned customers were followed up within their tier's recall window; a few are about to be
 * warned or are overdue, so the first recall run has something to show.
 */
function timelineOf(draw: DemoDraw, intentTier: string | null): Timeline {
  const { rnd, now } = draw;
  const window = RECALL_DAYS[(intentTier ?? 'unset') as keyof typeof RECALL_DAYS];
  const roll = rnd();
  const idleDays = roll < 0.04 ? window + 1 : roll < 0.14 ? window - 2 : rnd() * (window - 4);
  const lastContact = new Date(now - idleDays * DAY_MS - Math.floor(rnd() * 3_600_000));
  const contacts = rnd() < 0.85 ? 1 + Math.floor(rnd() * 4) : 0;
  const createdAt = contacts
    ? new Date(lastContact.getTime() - Math.floor(rnd() * 90) * DAY_MS)
    : new Date(lastContact.getTime() - Math.floor(rnd() * 3_600_000));
  return { createdAt, lastContact, contacts };
}

/** Adds one demo customer from `input` with its pool move, tier history, follow-ups and committee. */
export function addDemoCustomer(
  rows: DemoRows,
  draw: DemoDraw,
  owners: DemoOwners,
  input: CreateCustomerInput,
): void {
  const { rnd, pick } = draw;
  const tenantId = rows.pools[0]!.tenantId;
  const id = newId();
  const owner = input.ownerUserId ?? null;
  const pool = owner ? null : (rows.pools.find((p) => p.region === input.region) ?? rows.pools[0]!);
  const intentTier = rnd() < 0.2 ? null : pick(['A', 'B', 'B', 'C', 'C', 'C', 'D'] as const);
  const facts = factsFor(intentTier, pick);
  const time = timelineOf(draw, intentTier);
  rows.customers.push({
    ...profile(input, pick),
    ...facts,
    tenantId,
    id,
    intentTier,
    satisfactionTier: rnd() < 0.5 ? null : pick(['A', 'B', 'C'] as const),
    valueTier: pick(['svip', 'vip', 'vip', 'standard', 'standard', 'standard'] as const),
    persona: input.kind === 'consumer' || rnd() < 0.3 ? pick(SERVICE_PERSONAS) : null,
    ownerUserId: owner,
    teamId: owner ? owners.teamOf(owner) : null,
    poolId: pool?.id ?? null,
    receivedAt: owner ? time.createdAt : null,
    lastFollowUpAt: time.contacts ? time.lastContact : null,
    locked: rnd() < 0.05,
    dealState: intentTier === 'A' && rnd() < 0.5 ? 'open' : 'none',
    ...matchColumnsOf(input),
    createdAt: time.createdAt,
    updatedAt: time.createdAt,
  });
  addHistory(rows, draw, { id, owner, poolId: pool?.id ?? null, intentTier }, time);
  if (input.kind !== 'consumer')
    addCommittee(tenantId, id, time.createdAt, pick, rnd, rows.persons, rows.members);
}

/** The creation move, the first intent tier and the follow-ups of one demo customer. */
function addHistory(
  rows: DemoRows,
  draw: DemoDraw,
  customer: { id: string; owner: string | null; poolId: string | null; intentTier: string | null },
  time: Timeline,
): void {
  const { rnd, pick, now } = draw;
  const { id, owner, intentTier } = customer;
  rows.moves.push({
    customerId: id,
    action: 'create',
    toUserId: owner,
    toPoolId: customer.poolId,
    actorUserId: owner,
    cause: owner ? 'created' : 'created in the pool (demo data)',
    at: time.createdAt,
  });
  if (intentTier) {
    rows.tiers.push({
      customerId: id,
      dimension: 'intent',
      fromTier: null,
      toTier: intentTier,
      source: 'manual',
      reason: pick(['first call', '首次拜访后评估', 'qualified at the trade show', '电话沟通后确认']),
      changedByUserId: owner,
      changedAt: new Date(Math.min(time.createdAt.getTime() + DAY_MS, now)),
    });
  }
  for (let i = 0; i < time.contacts; i++) {
    const span = time.lastContact.getTime() - time.createdAt.getTime();
    const at = i === 0 ? time.lastContact : new Date(time.createdAt.getTime() + rnd() * span);
    rows.visits.push({
      tenantId: rows.pools[0]!.tenantId,
      id: newId(),
      customerId: id,
      userId: owner,
      channel: pick(['call', 'call', 'visit', 'meeting', 'message', 'email'] as const),
      note: pick(followUpNotes),
      at,
      createdAt: at,
    });
  }
}

/** The profile columns of a demo input, with the kind-specific extras real customers have. */
export function profile(input: CreateCustomerInput, pick: <T>(list: readonly T[]) => T) {
  return {
    kind: input.kind,
    name: input.name,
    phone: input.phone ?? null,
    email: input.email ?? null,
    region: input.region ?? null,
    industry: input.industry ?? null,
    uscc: input.uscc ?? null,
    agencyLevel: input.agencyLevel ?? null,
    size:
      input.kind === 'business' ? pick(['small', 'medium', 'medium', 'large', 'enterprise'] as const) : null,
    procurementMode:
      input.kind === 'government' ? pick(['public_tender', 'public_tender', 'single_source'] as const) : null,
    motive:
      input.kind === 'consumer' ? pick(['rational', 'emotional', 'habitual', 'deal_driven'] as const) : null,
    source: input.source ?? null,
    tags: input.tags ?? [],
  };
}

/** Qualification facts that fit the tier, so the rules' suggestions mostly agree with the demo tiers. */
export function factsFor(tier: string | null, pick: <T>(list: readonly T[]) => T) {
  switch (tier) {
    case 'A':
      return { budget: 'confirmed', need: 'recorded', objection: null, refused: false };
    case 'B':
      return {
        budget: pick(['unknown', 'over_budget'] as const),
        need: 'recorded',
        objection: pick(['在比较竞品报价', 'Comparing with a competitor', '预算超出 15%', null]),
        refused: false,
      };
    case 'C':
      return {
        budget: 'unknown',
        need: pick(['latent', 'unknown'] as const),
        objection: null,
        refused: false,
      };
    case 'D':
      return { budget: 'none', need: 'none', objection: null, refused: pick([true, false]) };
    default:
      return { budget: 'unknown', need: 'unknown', objection: null, refused: false };
  }
}

/** Two to four people around an account; about a third of accounts lack a known decision maker. */
export function addCommittee(
  tenantId: string,
  customerId: string,
  at: Date,
  pick: <T>(list: readonly T[]) => T,
  rnd: () => number,
  persons: NewContactRow[],
  members: NewMemberRow[],
): void {
  const roles = (['decision_maker', 'manager', 'user', 'procurement'] as const).filter((role, i) =>
    role === 'decision_maker' ? rnd() < 0.65 : i < 2 || rnd() < 0.6,
  );
  roles.forEach((role, i) => {
    const id = newId();
    const phone = `+86 1${pick(['3', '5', '8'])}${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}`;
    const email = `p${persons.length}@demo-client.cn`;
    persons.push({
      tenantId,
      id,
      name: pick(committeeNames),
      title: pick(titles[role]),
      phone,
      email,
      phoneKey: phoneKey(phone) ?? null,
      emailKey: emailKey(email) ?? null,
      createdAt: at,
      updatedAt: at,
    });
    members.push({
      tenantId,
      customerId,
      personId: id,
      role,
      department: departmentOf[role],
      stance: pick(['supporter', 'neutral', 'neutral', 'opponent'] as const),
      influence: role === 'decision_maker' ? 5 : 1 + Math.floor(rnd() * 4),
      isPrimary: i === 0,
      createdAt: at,
      updatedAt: at,
    });
  });
}

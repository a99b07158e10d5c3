/**
 * The demo tenant's CRM data in bulk: pools, customers with tiers and histories, follow-ups and
 * buying committees. It writes rows directly (a few multi-row inserts rather than hundreds of
 * service calls) so a first start stays quick; the rows obey the same rules the services keep.
 */
import type { Actor } from '../../../platform/auth/actor.js';
import { newId } from '../../../platform/ids.js';
import type { CrmDeps } from '../crm-deps.js';
import { SERVICE_PERSONAS, type CreateCustomerInput } from '../customer/customer.contract.js';
import { matchColumnsOf } from '../customer/customer-rules.js';
import { customers } from '../customer/customer.table.js';
import { followUps } from '../follow-up/follow-up.table.js';
import { emailKey } from '../matching/matching.contract.js';
import { phoneKey } from '../matching/matching.contract.js';
import { accountMembers, people } from '../contact/contact.table.js';
import { poolMoves } from '../customer/pool-move.table.js';
import { pools } from '../pool/pool.table.js';
import { tierChanges } from '../tier/tier.table.js';
import { demoCustomers, random } from './demo-customers.js';
import { DAY_MS } from '../../../platform/clock.js';

/** The default recall windows (crm-settings.contract.ts), which the demo's follow-up dates are spread over. */
const RECALL_DAYS = { A: 30, B: 21, C: 15, D: 10, unset: 10 } as const;

/** Who the demo customers belong to: owners, and the team of each owner that has one. */
export type DemoOwners = { ownerIds: string[]; teamOf: (userId: string) => string | null };

/** Seeds `count` demo customers with everything around them; returns how many of each thing it wrote. */
export async function seedDemoCrm(
  deps: CrmDeps,
  actor: Actor,
  owners: DemoOwners,
  count = 240,
): Promise<{ customers: number; people: number; followUps: number; pools: number }> {
  const rnd = random(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const now = deps.clock.now().getTime();
  const tenantId = actor.tenantId;
  const poolRows = [
    {
      tenantId,
      id: newId(),
      name: '公海 Public pool',
      region: null,
      isDefault: true,
      createdAt: new Date(now),
    },
    {
      tenantId,
      id: newId(),
      name: '华南公海 South China',
      region: '广东省',
      isDefault: false,
      createdAt: new Date(now),
    },
  ];
  const rows: (typeof customers.$inferInsert)[] = [];
  const moves: (typeof poolMoves.$inferInsert)[] = [];
  const tiers: (typeof tierChanges.$inferInsert)[] = [];
  const visits: (typeof followUps.$inferInsert)[] = [];
  const persons: (typeof people.$inferInsert)[] = [];
  const members: (typeof accountMembers.$inferInsert)[] = [];

  for (const input of demoCustomers(count, owners.ownerIds)) {
    const id = newId();
    const owner = input.ownerUserId ?? null;
    const pool = owner ? null : (poolRows.find((p) => p.region === input.region) ?? poolRows[0]!);
    const intentTier = rnd() < 0.2 ? null : pick(['A', 'B', 'B', 'C', 'C', 'C', 'D'] as const);
    const facts = factsFor(intentTier, pick);
    // Most owned customers were followed up within their tier's recall window; a few are about to be
    // warned or are overdue, so the first recall run has something to show.
    const window = RECALL_DAYS[intentTier ?? 'unset'];
    const roll = rnd();
    const idleDays = roll < 0.04 ? window + 1 : roll < 0.14 ? window - 2 : rnd() * (window - 4);
    const lastContact = new Date(now - idleDays * DAY_MS - Math.floor(rnd() * 3_600_000));
    const contacts = rnd() < 0.85 ? 1 + Math.floor(rnd() * 4) : 0;
    const createdAt = contacts
      ? new Date(lastContact.getTime() - Math.floor(rnd() * 90) * DAY_MS)
      : new Date(lastContact.getTime() - Math.floor(rnd() * 3_600_000));
    const lastFollowUpAt = contacts ? lastContact : null;
    rows.push({
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
      receivedAt: owner ? createdAt : null,
      lastFollowUpAt,
      locked: rnd() < 0.05,
      dealState: intentTier === 'A' && rnd() < 0.5 ? 'open' : 'none',
      ...matchColumnsOf(input),
      createdAt,
      updatedAt: createdAt,
    });
    moves.push({
      tenantId,
      id: newId(),
      customerId: id,
      action: 'create',
      toUserId: owner,
      toPoolId: pool?.id ?? null,
      actorUserId: owner,
      cause: owner ? 'created' : 'created in the pool (demo data)',
      at: createdAt,
    });
    if (intentTier) {
      tiers.push({
        tenantId,
        id: newId(),
        customerId: id,
        dimension: 'intent',
        fromTier: null,
        toTier: intentTier,
        source: 'manual',
        reason: pick(['first call', '首次拜访后评估', 'qualified at the trade show', '电话沟通后确认']),
        changedByUserId: owner,
        changedAt: new Date(Math.min(createdAt.getTime() + DAY_MS, now)),
      });
    }
    for (let i = 0; i < contacts; i++) {
      const span = lastContact.getTime() - createdAt.getTime();
      const at = i === 0 ? lastContact : new Date(createdAt.getTime() + rnd() * span);
      visits.push({
        tenantId,
        id: newId(),
        customerId: id,
        userId: owner,
        channel: pick(['call', 'call', 'visit', 'meeting', 'message', 'email'] as const),
        note: pick(followUpNotes),
        at,
        createdAt: at,
      });
    }
    if (input.kind !== 'consumer') addCommittee(tenantId, id, createdAt, pick, rnd, persons, members);
  }

  await deps.db.transaction(async (tx) => {
    await tx.insert(pools).values(poolRows);
    for (let i = 0; i < rows.length; i += 200) await tx.insert(customers).values(rows.slice(i, i + 200));
    for (const batch of chunks(moves)) await tx.insert(poolMoves).values(batch);
    for (const batch of chunks(tiers)) await tx.insert(tierChanges).values(batch);
    for (const batch of chunks(visits)) await tx.insert(followUps).values(batch);
    for (const batch of chunks(persons)) await tx.insert(people).values(batch);
    for (const batch of chunks(members)) await tx.insert(accountMembers).values(batch);
  });
  return { customers: rows.length, people: persons.length, followUps: visits.length, pools: poolRows.length };
}

function chunks<T>(rows: T[], size = 200): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** The profile columns of a demo input, with the kind-specific extras real customers have. */
function profile(input: CreateCustomerInput, pick: <T>(list: readonly T[]) => T) {
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
function factsFor(tier: string | null, pick: <T>(list: readonly T[]) => T) {
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

const followUpNotes = [
  '电话沟通需求，客户关注交付周期',
  '上门拜访，见到了采购负责人',
  'Sent the product sheet and price list',
  '参加了线下沙龙，约了下周演示',
  'Demo call: the IT lead asked about SSO',
  '微信跟进，客户在走内部审批',
  'Meeting with finance about payment terms',
];

const committeeNames = [
  '张伟',
  '王芳',
  '李强',
  '刘洋',
  '陈静',
  '杨磊',
  'David Lin',
  'Grace Wu',
  '赵敏',
  '孙浩',
];
const titles = {
  decision_maker: ['总经理', 'CEO', '副总裁'],
  manager: ['财务总监', 'Head of Operations', '事业部经理'],
  user: ['IT 工程师', 'Analyst', '仓库主管'],
  procurement: ['采购经理', 'Procurement Lead'],
  other: ['法务', 'Assistant'],
} as const;
const departmentOf = {
  decision_maker: 'executive',
  manager: 'finance',
  user: 'technical',
  procurement: 'business',
  other: 'compliance',
} as const;

/** Two to four people around an account; about a third of accounts lack a known decision maker. */
function addCommittee(
  tenantId: string,
  customerId: string,
  at: Date,
  pick: <T>(list: readonly T[]) => T,
  rnd: () => number,
  persons: (typeof people.$inferInsert)[],
  members: (typeof accountMembers.$inferInsert)[],
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

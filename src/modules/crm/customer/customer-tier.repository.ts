/**
 * Queries on the tier columns of customers and the facts the tier rules read (the rules themselves
 * are crm/tier). Whether a decision maker is known comes from the committee's `findDecisionMakerKnown`.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import type { TierDimension } from './customer.contract.js';
import { visibleCustomers } from './customer-scope.contract.js';
import { customers } from './customer.table.js';

/** The column each tier dimension lives in. */
const TIER_COLUMNS = {
  intent: 'intentTier',
  satisfaction: 'satisfactionTier',
  value: 'valueTier',
  persona: 'persona',
} as const satisfies Record<TierDimension, keyof typeof customers.$inferSelect>;

/** A customer's tiers and the facts its suggestion is computed from. */
export type TierFactRow = {
  id: string;
  intentTier: string | null;
  budget: string;
  need: string;
  objection: string | null;
  refused: boolean;
  lastFollowUpAt: Date | null;
  createdAt: Date;
};

/** The customers' current tiers, as the tier columns hold them. */
export type TierColumnsRow = {
  intentTier: string | null;
  satisfactionTier: string | null;
  valueTier: string | null;
  persona: string | null;
};

/** The tier facts of the customers among `ids` that the actor may see, in one query. */
export async function listVisibleTierFacts(db: Db, actor: Actor, ids: string[]): Promise<TierFactRow[]> {
  if (ids.length === 0) return [];
  return db
    .select({
      id: customers.id,
      intentTier: customers.intentTier,
      budget: customers.budget,
      need: customers.need,
      objection: customers.objection,
      refused: customers.refused,
      lastFollowUpAt: customers.lastFollowUpAt,
      createdAt: customers.createdAt,
    })
    .from(customers)
    .where(visibleCustomers(actor, inArray(customers.id, ids)));
}

/** A customer's tier columns, locked until the transaction ends so two changes cannot both see the same "from". */
export async function lockCustomerTiers(
  db: Db,
  tenantId: string,
  customerId: string,
): Promise<TierColumnsRow | undefined> {
  const [row] = await db
    .select({
      intentTier: customers.intentTier,
      satisfactionTier: customers.satisfactionTier,
      valueTier: customers.valueTier,
      persona: customers.persona,
    })
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, customerId)))
    .for('update');
  return row;
}

/** Sets one tier of a customer. */
export async function updateCustomerTier(
  db: Db,
  tenantId: string,
  customerId: string,
  dimension: TierDimension,
  tier: string | null,
  at: Date,
): Promise<void> {
  await db
    .update(customers)
    .set({ [TIER_COLUMNS[dimension]]: tier, updatedAt: at })
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, customerId)));
}

/**
 * A new customer from a row: who holds it (the owner or pool the row names, else the import's
 * default), its columns, and the history a creation writes (tiers set, and an `import` pool move).
 */
import { newId } from '../../../platform/ids.js';
import type { CustomerKind } from '../customer/customer.contract.js';
import type { CustomerRow } from '../customer/customer-record.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import type { NewPoolMove } from '../customer/ownership.service.js';
import type { NewTierChange } from '../customer/customer-tier.service.js';
import type { MemberRef, PoolRef } from './import-refs.service.js';
import type { ImportRow, RowIssue } from './import-rows.js';
import { TIER_COLUMNS } from './import-update.js';

/** A customer to insert, with its history. */
export type PlannedInsert = { line: number; row: CustomerRow; tiers: NewTierChange[]; move: NewPoolMove };

/** Who holds a new customer: an owner (and their team) or a pool. */
export type Holder = { ownerUserId: string | null; teamId: string | null; poolId: string | null };

/** Resolves the owner and pool columns of a row. */
export type Holders = {
  resolve(row: Pick<ImportRow, 'owner' | 'pool'>): Holder | { issue: RowIssue };
  /** False when rows naming no owner or pool are rejected. */
  hasFallback: boolean;
};

/**
 * Owner cells name a member by email, user id or (when unique) display name, since HubSpot and
 * Salesforce export owners by name; pool cells name a pool by name or id. Rows naming neither get
 * `fallback`, or are rejected when there is none (an API key importing without an owner or pool).
 */
export function holdersOf(members: MemberRef[], pools: PoolRef[], fallback: Holder | undefined): Holders {
  const owners = new Map<string, MemberRef | null>();
  for (const member of members) {
    const name = member.name.trim().toLowerCase();
    owners.set(name, owners.has(name) ? null : member);
  }
  for (const member of members) {
    owners.set(member.email.toLowerCase(), member);
    owners.set(member.id, member);
  }
  const poolsByName = new Map<string, PoolRef>();
  for (const pool of pools) poolsByName.set(pool.name.trim().toLowerCase(), pool).set(pool.id, pool);
  const teamOf = (member: MemberRef) => (member.teamIds.length === 1 ? member.teamIds[0]! : null);
  return {
    hasFallback: fallback !== undefined,
    resolve(row) {
      if (row.owner !== undefined && row.pool !== undefined) {
        return {
          issue: {
            field: 'pool',
            message: 'a customer in a pool has no owner: fill owner or pool, not both',
          },
        };
      }
      if (row.owner !== undefined) {
        const member = owners.get(row.owner.trim().toLowerCase());
        if (!member)
          return {
            issue: { field: 'owner', message: `no member "${row.owner}" in this tenant (give an email)` },
          };
        return { ownerUserId: member.id, teamId: teamOf(member), poolId: null };
      }
      if (row.pool !== undefined) {
        const pool = poolsByName.get(row.pool.trim().toLowerCase());
        if (!pool) return { issue: { field: 'pool', message: `no pool named "${row.pool}"` } };
        return { ownerUserId: null, teamId: null, poolId: pool.id };
      }
      return (
        fallback ?? {
          issue: { field: 'owner', message: 'no owner: give an owner column, the owner option or a pool' },
        }
      );
    },
  };
}

/** The columns of a row's new customer. */
function customerOf(
  row: ImportRow,
  kind: CustomerKind,
  holder: Holder,
  ctx: { actor: Actor; now: Date },
  id: string,
): CustomerRow {
  const v = row.values;
  return {
    tenantId: ctx.actor.tenantId,
    id,
    kind,
    name: v.name!,
    // Written from the name when the customer is stored (customer-batch.service.ts).
    nameInitials: null,
    phone: v.phone ?? null,
    email: v.email ?? null,
    wechatId: v.wechatId ?? null,
    region: v.region ?? null,
    industry: v.industry ?? null,
    size: v.size ?? null,
    parentId: v.parentId ?? null,
    uscc: v.uscc ?? null,
    agencyLevel: v.agencyLevel ?? null,
    procurementMode: v.procurementMode ?? null,
    motive: v.motive ?? null,
    intentTier: v.intentTier ?? null,
    satisfactionTier: v.satisfactionTier ?? null,
    valueTier: v.valueTier ?? null,
    persona: v.persona ?? null,
    budget: v.budget ?? 'unknown',
    need: v.need ?? 'unknown',
    objection: v.objection ?? null,
    refused: v.refused ?? false,
    ownerUserId: holder.ownerUserId,
    teamId: holder.teamId,
    poolId: holder.poolId,
    receivedAt: holder.ownerUserId ? ctx.now : null,
    lastFollowUpAt: row.lastFollowUpAt ?? null,
    recallWarnedAt: null,
    locked: v.locked ?? false,
    dealState: 'none',
    source: v.source ?? null,
    tags: v.tags ?? [],
    externalId: v.externalId ?? null,
    customFields: v.customFields ?? {},
    // The keys were computed once when the row was read: computing a phone key is the costliest step.
    phoneKey: row.keys.phoneKey ?? null,
    emailKey: row.keys.emailKey ?? null,
    nameKey: row.keys.nameKey ?? null,
    createdAt: row.createdAt ?? ctx.now,
    updatedAt: ctx.now,
  };
}

/** The new customer of a row, with its tier history and pool move. */
export function newCustomerRow(
  row: ImportRow,
  kind: CustomerKind,
  holder: Holder,
  ctx: { actor: Actor; now: Date },
): PlannedInsert {
  const id = row.id ?? newId();
  const customer = customerOf(row, kind, holder, ctx, id);
  const cause = `imported from line ${row.line}`;
  const tiers = TIER_COLUMNS.filter(([, column]) => customer[column] !== null).map(([dimension, column]) => ({
    customerId: id,
    dimension,
    fromTier: null,
    toTier: customer[column],
    source: 'import',
    reason: cause,
    changedByUserId: ctx.actor.userId,
    changedAt: ctx.now,
  }));
  const move = {
    customerId: id,
    action: 'import',
    toUserId: holder.ownerUserId,
    toPoolId: holder.poolId,
    actorUserId: ctx.actor.userId,
    cause,
    at: ctx.now,
  };
  return { line: row.line, row: customer, tiers, move };
}

/**
 * What a row changes on a customer it updates (by id, external id or as the one duplicate it
 * matches): the row's non-empty cells overwrite, custom fields merge key by key, the later follow-up
 * date wins, and kind, owner and pool stay as they are (ownership moves through claim, assign and
 * transfer, which have their own rules and log).
 */
import type { Actor } from '../../../platform/auth/actor.js';
import { checkCustomerFields, matchColumnsOf } from '../customer/customer-rules.contract.js';
import type { CustomerKind } from '../customer/customer.contract.js';
import type { CustomerChanges, CustomerRow } from '../customer/customer-record.service.js';
import type { CrmSettings } from '../settings/crm-settings.contract.js';
import type { NewTierChange } from '../customer/customer-tier.service.js';
import { fieldOf, type ImportRow, type RowIssue } from './import-rows.js';

/** The tier columns and the dimension the tier history files them under. */
export const TIER_COLUMNS = [
  ['intent', 'intentTier'],
  ['satisfaction', 'satisfactionTier'],
  ['value', 'valueTier'],
  ['persona', 'persona'],
] as const;

/** The changes a row makes to `existing`, the tier history they add, or why it cannot. */
export function updateFromRow(
  existing: CustomerRow,
  row: ImportRow,
  ctx: { actor: Actor; settings: CrmSettings; now: Date },
): { changes: CustomerChanges; tiers: NewTierChange[]; issues: RowIssue[] } {
  const { customFields, ...given } = row.values;
  const changes: CustomerChanges = { ...given };
  if (customFields) changes.customFields = { ...existing.customFields, ...customFields };
  if (row.lastFollowUpAt && (!existing.lastFollowUpAt || row.lastFollowUpAt > existing.lastFollowUpAt)) {
    changes.lastFollowUpAt = row.lastFollowUpAt;
  }
  const kind = existing.kind as CustomerKind;
  const next = { ...existing, ...changes, kind };
  const issues = checkCustomerFields(next, ctx.settings).map((issue) => ({
    field: fieldOf(issue.path.split('.')),
    message: issue.message,
  }));
  if (next.parentId === existing.id)
    issues.push({ field: 'parentId', message: 'a customer cannot be its own parent' });
  const tiers: NewTierChange[] = [];
  for (const [dimension, column] of TIER_COLUMNS) {
    const to = changes[column];
    if (to === undefined || to === existing[column]) continue;
    tiers.push({
      customerId: existing.id,
      dimension,
      fromTier: existing[column],
      toTier: to,
      source: 'import',
      reason: `imported from line ${row.line}`,
      changedByUserId: ctx.actor.userId,
      changedAt: ctx.now,
    });
  }
  return { changes: { ...changes, ...matchColumnsOf(next), updatedAt: ctx.now }, tiers, issues };
}

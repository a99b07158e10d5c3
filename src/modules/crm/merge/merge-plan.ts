/**
 * What a merge makes of the customers it joins, decided without the database: which values the
 * merged customer keeps, which tiers change, and which buying-committee rows move. The target wins
 * wherever it has a value; the merged customers fill its gaps in the order they were named.
 */
import { KIND_FIELDS, type CustomerKind } from '../customer/customer.contract.js';
import type { CustomerChanges, CustomerRow } from '../customer/customer-record.service.js';
import type { CrmSettings } from '../settings/crm-settings.contract.js';
import type { MemberKey, MemberRow } from '../contact/committee.service.js';

/** A tier the merge fills on the target, and the merged customer it came from. */
export type MergedTier = {
  dimension: 'intent' | 'satisfaction' | 'value' | 'persona';
  fromTier: string | null;
  toTier: string;
  source: CustomerRow;
};

/** Text and choice fields a merged customer may fill when the target has none. */
const FILLABLE = [
  'phone',
  'email',
  'wechatId',
  'region',
  'industry',
  'size',
  'parentId',
  'uscc',
  'agencyLevel',
  'procurementMode',
  'motive',
  'objection',
  'source',
  'externalId',
] as const satisfies readonly (keyof CustomerRow)[];

const TIERS = [
  ['intent', 'intentTier'],
  ['satisfaction', 'satisfactionTier'],
  ['value', 'valueTier'],
  ['persona', 'persona'],
] as const;

/**
 * Values that mean "nothing known yet", which a merged customer's value replaces. The deal state is
 * not merged: the deals move to the target, which derives it again from them.
 */
const UNKNOWN = { budget: 'unknown', need: 'unknown' } as const;

/** The changes that turn `target` into the merged customer, and the tiers it gains. */
export function mergeProfiles(
  target: CustomerRow,
  sources: CustomerRow[],
  settings: CrmSettings,
): { changes: CustomerChanges; tiers: MergedTier[] } {
  const kind = target.kind as CustomerKind;
  const mergedIds = new Set([target.id, ...sources.map((s) => s.id)]);
  const changes: CustomerChanges = {};
  // A parent inside the merge would make the merged customer its own parent.
  const usable = (field: keyof CustomerRow, value: unknown) =>
    value !== null && !(field === 'parentId' && mergedIds.has(value as string));
  const fillFrom = <K extends keyof CustomerRow>(field: K, isSet: (value: CustomerRow[K]) => boolean) => {
    const donor = sources.find((source) => isSet(source[field]));
    if (donor) (changes as Record<string, unknown>)[field] = donor[field];
  };

  for (const field of FILLABLE) {
    const kinds = (KIND_FIELDS as Record<string, readonly CustomerKind[] | undefined>)[field];
    if ((kinds && !kinds.includes(kind)) || usable(field, target[field])) continue;
    if (target[field] !== null) changes[field] = null;
    fillFrom(field, (value) => usable(field, value));
  }
  for (const [field, unknown] of Object.entries(UNKNOWN) as [keyof typeof UNKNOWN, string][]) {
    if (target[field] === unknown) fillFrom(field, (value) => value !== unknown);
  }
  // A refusal or a lock on either side still holds for the party as a whole.
  if (!target.refused && sources.some((s) => s.refused)) changes.refused = true;
  if (!target.locked && sources.some((s) => s.locked)) changes.locked = true;

  const tags = [...new Set([...target.tags, ...sources.flatMap((s) => s.tags)])];
  if (tags.length !== target.tags.length) changes.tags = tags;
  changes.customFields = mergeCustomFields(target, sources, kind, settings);
  const latest = [target, ...sources]
    .map((row) => row.lastFollowUpAt)
    .reduce<Date | null>((a, b) => (b && (!a || b > a) ? b : a), null);
  if (latest?.getTime() !== target.lastFollowUpAt?.getTime()) changes.lastFollowUpAt = latest;

  const tiers: MergedTier[] = [];
  for (const [dimension, field] of TIERS) {
    if (target[field] !== null) continue;
    const donor = sources.find((source) => source[field] !== null);
    if (!donor) continue;
    changes[field] = donor[field];
    tiers.push({ dimension, fromTier: null, toTier: donor[field]!, source: donor });
  }
  return { changes, tiers };
}

/** The target's custom values, then the merged customers' for keys it lacks and its kind may have. */
function mergeCustomFields(
  target: CustomerRow,
  sources: CustomerRow[],
  kind: CustomerKind,
  settings: CrmSettings,
): CustomerRow['customFields'] {
  const applies = (key: string) => {
    const def = settings.customFields.find((field) => field.key === key);
    return def !== undefined && (!def.kinds || def.kinds.includes(kind));
  };
  const merged = { ...target.customFields };
  for (const source of sources) {
    for (const [key, value] of Object.entries(source.customFields)) {
      if ((merged[key] === undefined || merged[key] === null) && value !== null && applies(key))
        merged[key] = value;
    }
  }
  return merged;
}

/**
 * Which memberships of the merged customers to drop and which lose their primary flag before the rest
 * move to the target: a person already on the target's committee keeps the target's row (and a person
 * on two merged committees keeps the first), and the committee keeps at most one primary contact.
 */
export function planMemberMoves(
  targetMembers: MemberRow[],
  sourceMembers: MemberRow[],
  sourceOrder: string[],
): { drop: MemberKey[]; unprimary: MemberKey[] } {
  const seen = new Set(targetMembers.map((member) => member.personId));
  let hasPrimary = targetMembers.some((member) => member.isPrimary);
  const ordered = [...sourceMembers].sort(
    (a, b) => sourceOrder.indexOf(a.customerId) - sourceOrder.indexOf(b.customerId),
  );
  const drop: MemberKey[] = [];
  const unprimary: MemberKey[] = [];
  for (const member of ordered) {
    const key = { customerId: member.customerId, personId: member.personId };
    if (seen.has(member.personId)) {
      drop.push(key);
      continue;
    }
    seen.add(member.personId);
    if (!member.isPrimary) continue;
    if (hasPrimary) unprimary.push(key);
    hasPrimary = true;
  }
  return { drop, unprimary };
}

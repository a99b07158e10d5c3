/** Who gets a new lead: the pure rule of round-robin and rule-based assignment with a daily cap. */
import type { LeadAssignment } from './lead-settings.contract.js';

/** What the rules look at. */
export type LeadTraits = { kind: string; region?: string | null; productId?: string | null };

/** The users who take turns for this lead: the first matching rule's, else the default list. */
export function candidatesFor(assignment: LeadAssignment, lead: LeadTraits): string[] {
  if (assignment.mode === 'off') return [];
  if (assignment.mode === 'rules') {
    const rule = assignment.rules.find(
      (r) =>
        (r.kind === undefined || r.kind === lead.kind) &&
        (r.region === undefined || r.region === (lead.region ?? undefined)) &&
        (r.productId === undefined || r.productId === (lead.productId ?? undefined)),
    );
    if (rule) return rule.userIds;
  }
  return assignment.userIds;
}

/**
 * The next user in turn from `rotation`, skipping those who already have `dailyCap` leads today
 * (`assignedToday`); undefined when there is nobody or everyone is full. Returns the user and the
 * rotation position after them.
 */
export function pickAssignee(
  candidates: readonly string[],
  rotation: number,
  dailyCap: number | null,
  assignedToday: ReadonlyMap<string, number>,
): { userId: string; rotation: number } | undefined {
  for (let step = 0; step < candidates.length; step++) {
    const position = rotation + step;
    const userId = candidates[position % candidates.length]!;
    if (dailyCap === null || (assignedToday.get(userId) ?? 0) < dailyCap) {
      return { userId, rotation: position + 1 };
    }
  }
  return undefined;
}

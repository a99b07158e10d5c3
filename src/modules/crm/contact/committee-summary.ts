/** The picture of a committee drawn from its members: coverage per role and the key roles nobody holds. */
import {
  COMMITTEE_ROLES,
  KEY_ROLES,
  type Committee,
  type CommitteeMember,
  type KeyRole,
  type RoleCoverage,
} from './contact.contract.js';

const roleRank = new Map<string, number>(COMMITTEE_ROLES.map((role, index) => [role, index]));

/**
 * The committee's members in reading order: by role (decision makers first), then the primary
 * contact, then by influence (highest first) and name.
 */
export function orderMembers(members: CommitteeMember[]): CommitteeMember[] {
  return [...members].sort(
    (a, b) =>
      (roleRank.get(a.role) ?? COMMITTEE_ROLES.length) - (roleRank.get(b.role) ?? COMMITTEE_ROLES.length) ||
      Number(b.isPrimary) - Number(a.isPrimary) ||
      b.influence - a.influence ||
      a.person.name.localeCompare(b.person.name, 'zh-CN') ||
      a.person.id.localeCompare(b.person.id),
  );
}

/**
 * The committee of `customerId` with its coverage, the key roles still unknown, and whether a
 * decision maker is known.
 *
 * @example summarizeCommittee(id, []).missingRoles // ['decision_maker', 'manager', 'user', 'procurement']
 */
export function summarizeCommittee(customerId: string, members: CommitteeMember[]): Committee {
  const coverage: RoleCoverage = { decision_maker: 0, manager: 0, user: 0, procurement: 0, other: 0 };
  for (const member of members) coverage[member.role] += 1;
  const missingRoles: KeyRole[] = KEY_ROLES.filter((role) => coverage[role] === 0);
  return {
    customerId,
    members: orderMembers(members),
    coverage,
    missingRoles,
    decisionMakerKnown: coverage.decision_maker > 0,
  };
}

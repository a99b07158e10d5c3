/** How the committee map groups roles into lanes: who decides, who buys and manages, who uses, others. */
import type {
  Committee,
  CommitteeMember,
  CommitteeRole,
  KeyRole,
} from '../../../../src/modules/crm/contact/contact.contract';

/** The lanes of the map, left to right (top to bottom on a phone). */
export const LANES = ['decides', 'buys', 'uses', 'other'] as const;
export type Lane = (typeof LANES)[number];

/** The roles each lane holds, in the order their empty slots are shown. */
export const LANE_ROLES: Record<Lane, readonly CommitteeRole[]> = {
  decides: ['decision_maker'],
  buys: ['procurement', 'manager'],
  uses: ['user'],
  other: ['other'],
};

/** One lane as the map draws it: its members and the key roles in it nobody holds yet. */
export type LaneView = { lane: Lane; members: CommitteeMember[]; missing: KeyRole[] };

/**
 * Sorts the committee into lanes, keeping the server's order (role, primary, influence, name) and
 * the server's list of missing roles.
 */
export function toLanes(committee: Pick<Committee, 'members' | 'missingRoles'>): LaneView[] {
  return LANES.map((lane) => {
    const roles = LANE_ROLES[lane];
    return {
      lane,
      members: committee.members.filter((member) => roles.includes(member.role)),
      missing: roles.filter((role): role is KeyRole =>
        committee.missingRoles.some((missing) => missing === role),
      ),
    };
  });
}

/** The departments each weigh a purchase their own way (MISSION 1.1); `other` has no hint. */
export const HINTED_DEPARTMENTS = ['technical', 'finance', 'compliance', 'business', 'executive'] as const;

import { describe, expect, it } from 'vitest';
import type { CommitteeMember } from '../../../../src/modules/crm/contact/contact.contract';
import { toLanes } from './committee-lanes';

const member = (name: string, role: CommitteeMember['role']): CommitteeMember => ({
  person: {
    id: name,
    name,
    title: null,
    phone: null,
    email: null,
    wechatId: null,
    externalId: null,
    notes: null,
    createdAt: '2026-03-01T00:00:00.000Z',
    updatedAt: '2026-03-01T00:00:00.000Z',
  },
  role,
  department: 'other',
  stance: 'neutral',
  influence: 3,
  isPrimary: false,
});

describe('committee lanes', () => {
  it('puts procurement and managers in the buying lane and shows each missing key role in its lane', () => {
    const lanes = toLanes({
      members: [member('Boss', 'decision_maker'), member('Buyer', 'procurement'), member('Legal', 'other')],
      missingRoles: ['manager', 'user'],
    });
    expect(lanes.map((l) => [l.lane, l.members.map((m) => m.person.name), l.missing])).toEqual([
      ['decides', ['Boss'], []],
      ['buys', ['Buyer'], ['manager']],
      ['uses', [], ['user']],
      ['other', ['Legal'], []],
    ]);
  });

  it('shows every key role missing on an empty committee, and never "other"', () => {
    const lanes = toLanes({
      members: [],
      missingRoles: ['decision_maker', 'manager', 'user', 'procurement'],
    });
    expect(lanes.flatMap((l) => l.missing)).toEqual(['decision_maker', 'procurement', 'manager', 'user']);
  });
});

import { describe, expect, it } from 'vitest';
import { newId } from '../../../platform/ids.js';
import { orderMembers, summarizeCommittee } from './committee-summary.js';
import type { CommitteeMember } from './contact.contract.js';

const member = (name: string, fields: Partial<Omit<CommitteeMember, 'person'>> = {}): CommitteeMember => ({
  person: {
    id: newId(),
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
  role: 'user',
  department: 'other',
  stance: 'neutral',
  influence: 3,
  isPrimary: false,
  ...fields,
});

describe('committee summary', () => {
  it('counts each role and lists the key roles nobody holds', () => {
    const id = newId();
    const summary = summarizeCommittee(id, [
      member('a', { role: 'user' }),
      member('b', { role: 'user' }),
      member('c', { role: 'other' }),
      member('d', { role: 'procurement' }),
    ]);
    expect(summary.coverage).toEqual({ decision_maker: 0, manager: 0, user: 2, procurement: 1, other: 1 });
    expect(summary.missingRoles).toEqual(['decision_maker', 'manager']);
    expect(summary.decisionMakerKnown).toBe(false);
    expect(summarizeCommittee(id, [member('e', { role: 'decision_maker' })]).missingRoles).toEqual([
      'manager',
      'user',
      'procurement',
    ]);
  });

  it('orders by role, then the primary contact, influence and name', () => {
    const ordered = orderMembers([
      member('王五', { role: 'other', influence: 5 }),
      member('李四', { role: 'user', influence: 2 }),
      member('张三', { role: 'user', influence: 2 }),
      member('赵六', { role: 'user', influence: 4 }),
      member('钱七', { role: 'user', influence: 1, isPrimary: true }),
      member('孙八', { role: 'decision_maker', influence: 1 }),
    ]);
    expect(ordered.map((m) => m.person.name)).toEqual(['孙八', '钱七', '赵六', '李四', '张三', '王五']);
  });
});

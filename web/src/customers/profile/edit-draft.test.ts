import { describe, expect, it } from 'vitest';
import type { Customer, CustomFieldDef } from '../../api/types';
import { toEditDraft, toUpdateInput } from './edit-draft';

const customer: Customer = {
  id: '01900000-0000-7000-8000-000000000009',
  kind: 'business',
  name: '杭州云帆科技有限公司',
  phone: '+86 571 8888 6666',
  email: null,
  wechatId: null,
  region: '浙江省',
  industry: '软件',
  size: 'medium',
  parentId: null,
  uscc: null,
  agencyLevel: null,
  procurementMode: null,
  motive: null,
  intentTier: 'B',
  satisfactionTier: null,
  valueTier: 'vip',
  persona: null,
  budget: 'unknown',
  need: 'recorded',
  objection: '价格偏高',
  refused: false,
  ownerUserId: null,
  teamId: null,
  poolId: null,
  receivedAt: null,
  lastFollowUpAt: null,
  locked: false,
  dealState: 'none',
  source: null,
  tags: ['展会'],
  externalId: null,
  customFields: { budgetYear: 2026, channel: 'Partner' },
  createdAt: '2026-05-01T08:00:00.000Z',
  updatedAt: '2026-05-01T08:00:00.000Z',
};

const defs: CustomFieldDef[] = [
  { key: 'budgetYear', label: 'Budget year', type: 'number' },
  { key: 'channel', label: 'Channel', type: 'select', options: ['Direct', 'Partner'] },
  { key: 'vipLounge', label: 'VIP lounge', type: 'boolean', kinds: ['consumer'] },
];

describe('the edit dialog', () => {
  it('sends nothing when nothing changed', () => {
    expect(toUpdateInput(toEditDraft(customer), customer, defs)).toEqual({});
  });

  it('never sends the deal state, which the customer’s deals decide', () => {
    const draft = { ...toEditDraft(customer), dealState: 'won' as const };
    expect(toUpdateInput(draft, customer, defs)).toEqual({});
  });

  it('sends only what changed, a cleared text as null', () => {
    const draft = { ...toEditDraft(customer), region: ' ', objection: '', budget: 'confirmed' as const };
    expect(toUpdateInput(draft, customer, defs)).toEqual({
      region: null,
      objection: null,
      budget: 'confirmed',
    });
  });

  it('sends custom fields typed, a cleared one as null, and never a field of another kind', () => {
    const draft = {
      ...toEditDraft(customer),
      customFields: { budgetYear: '2027', channel: '', vipLounge: true },
    };
    expect(toUpdateInput(draft, customer, defs)).toEqual({
      customFields: { budgetYear: 2027, channel: null },
    });
  });

  it('leaves out kind-specific fields of other kinds', () => {
    const draft = { ...toEditDraft(customer), wechatId: 'yunfan', uscc: '91330106MA2B3C4D5D' };
    expect(toUpdateInput(draft, customer, defs)).toEqual({ uscc: '91330106MA2B3C4D5D' });
  });
});

import { describe, expect, it } from 'vitest';
import {
  chosenIntentTiers,
  exportHref,
  isFiltered,
  isSameView,
  parseCustomerListSearch,
  toApiFilters,
  toViewFilters,
} from './list-search';

const me = '01900000-0000-7000-8000-000000000001';
const other = '01900000-0000-7000-8000-000000000002';

describe('the customer list address', () => {
  it('keeps known filters and drops malformed ones instead of sending them to the server', () => {
    expect(
      parseCustomerListSearch({
        kind: 'government',
        q: '云帆',
        intentTier: 'none,B,x,A,B',
        valueTier: 'vip',
        ownerUserId: 'me',
        ownership: 'pool',
        sort: 'lastFollowUp',
        persona: 'angry',
      }),
    ).toEqual({
      kind: 'government',
      q: '云帆',
      intentTier: 'A,B,none',
      valueTier: 'vip',
      ownerUserId: 'me',
      ownership: 'pool',
      sort: 'lastFollowUp',
      persona: 'angry',
    });
    expect(
      parseCustomerListSearch({
        kind: 'alien',
        q: '  ',
        intentTier: 'E',
        valueTier: 'VIP!',
        ownerUserId: 'someone',
        ownership: 'mine',
        poolId: 'nope',
        sort: 'created',
        persona: 'grumpy',
      }),
    ).toEqual({});
  });

  it('lists the chosen intent tiers in chip order', () => {
    expect(chosenIntentTiers({ intentTier: 'none,A' })).toEqual(['A', 'none']);
    expect(chosenIntentTiers({})).toEqual([]);
  });

  it('asks the API for the signed-in user when the owner is "me"', () => {
    expect(toApiFilters({ ownerUserId: 'me', intentTier: 'A' }, me)).toEqual({
      ownerUserId: me,
      intentTier: 'A',
    });
    expect(toApiFilters({ ownerUserId: other }, me)).toEqual({ ownerUserId: other });
    expect(toApiFilters({}, me)).toEqual({});
  });

  it('counts the order as no filter', () => {
    expect(isFiltered({ sort: 'lastFollowUp' })).toBe(false);
    expect(isFiltered({ ownership: 'owned' })).toBe(true);
  });

  it('saves the address as a view and recognises it again, whatever the order of tiers', () => {
    const search = { intentTier: 'A,B', ownerUserId: 'me', sort: 'lastFollowUp' } as const;
    const filters = toViewFilters(search);
    expect(filters).toEqual({ intentTier: 'A,B', ownerUserId: 'me', sort: 'lastFollowUp' });
    expect(isSameView(search, { ...filters, intentTier: 'B,A' })).toBe(true);
    expect(isSameView(search, { intentTier: 'A,B' })).toBe(false);
    expect(isSameView({}, {})).toBe(true);
  });

  it('links the export to the same filters, without the order', () => {
    expect(exportHref({ intentTier: 'A,B', ownerUserId: me, sort: 'lastFollowUp' })).toBe(
      `/api/customers/export.csv?intentTier=A%2CB&ownerUserId=${me}`,
    );
    expect(exportHref({})).toBe('/api/customers/export.csv');
  });
});

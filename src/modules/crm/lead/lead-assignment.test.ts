import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidatesFor, pickAssignee } from './lead-assignment.js';

describe('lead assignment', () => {
  it('takes turns and skips users at the daily cap', () => {
    const users = ['a', 'b', 'c'];
    expect(pickAssignee(users, 0, null, new Map())).toEqual({ userId: 'a', rotation: 1 });
    expect(pickAssignee(users, 4, null, new Map())).toEqual({ userId: 'b', rotation: 5 });
    expect(pickAssignee(users, 0, 2, new Map([['a', 2]]))).toEqual({ userId: 'b', rotation: 2 });
    expect(pickAssignee(users, 0, 1, new Map(users.map((u) => [u, 1])))).toBeUndefined();
    expect(pickAssignee([], 0, null, new Map())).toBeUndefined();
  });

  it('never exceeds the cap and spreads evenly (oracle: counts differ by at most one)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 30 }),
        fc.option(fc.integer({ min: 1, max: 8 })),
        (n, leads, cap) => {
          const users = Array.from({ length: n }, (_, i) => `u${i}`);
          const counts = new Map<string, number>();
          let rotation = 0;
          for (let i = 0; i < leads; i++) {
            const pick = pickAssignee(users, rotation, cap, counts);
            if (!pick) {
              expect(users.every((u) => (counts.get(u) ?? 0) >= cap!)).toBe(true);
              continue;
            }
            counts.set(pick.userId, (counts.get(pick.userId) ?? 0) + 1);
            rotation = pick.rotation;
          }
          const values = users.map((u) => counts.get(u) ?? 0);
          if (cap !== null) expect(Math.max(...values)).toBeLessThanOrEqual(cap);
          expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('picks the first matching rule, else the default users', () => {
    const assignment = {
      mode: 'rules' as const,
      userIds: ['d'],
      dailyCap: null,
      rules: [
        { kind: 'government' as const, region: '北京', userIds: ['g'] },
        { productId: 'p1', userIds: ['p'] },
      ],
    };
    expect(candidatesFor(assignment, { kind: 'government', region: '北京' })).toEqual(['g']);
    expect(candidatesFor(assignment, { kind: 'government', region: '上海', productId: 'p1' })).toEqual(['p']);
    expect(candidatesFor(assignment, { kind: 'consumer' })).toEqual(['d']);
    expect(candidatesFor({ ...assignment, mode: 'off' }, { kind: 'consumer' })).toEqual([]);
    expect(
      candidatesFor({ ...assignment, mode: 'round_robin' }, { kind: 'government', region: '北京' }),
    ).toEqual(['d']);
  });
});

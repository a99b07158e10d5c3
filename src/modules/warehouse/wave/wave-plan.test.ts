import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WaveRule, type WaveLimits } from './wave.contract.js';
import { cutOffMoment, planWaves, type PoolOrder } from './wave-plan.js';

const now = new Date('2026-12-07T06:00:00Z'); // 14:00 in Shanghai
let seq = 0;
function order(fields: Partial<PoolOrder> = {}): PoolOrder {
  seq += 1;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    externalRef: `SO-${seq}`,
    status: 'allocated',
    priority: 'normal',
    rank: 2,
    pushedAt: new Date('2026-12-07T01:00:00Z'),
    carrier: 'SF',
    destination: { province: '浙江省', city: '杭州市' },
    type: 'sales',
    valueTier: 'vip',
    lines: 1,
    units: 1,
    ...fields,
  };
}
const rule = (fields: Partial<WaveRule> = {}): WaveRule => WaveRule.parse({ name: 'r', ...fields });
const plan = (rules: WaveRule[], orders: PoolOrder[], releasePartiallyAllocated = false) =>
  planWaves({ rules, orders, now, releasePartiallyAllocated, timeZone: 'Asia/Shanghai' });
const reasonOf = (rules: WaveRule[], one: PoolOrder) => plan(rules, [one]).leftOut[0];

describe('planWaves', () => {
  it('gives every order left out its reason', () => {
    const cases: [WaveRule[], PoolOrder, string][] = [
      [[rule()], order({ status: 'pending' }), 'not_allocated'],
      [[rule()], order({ status: 'backordered' }), 'not_allocated'],
      [[rule()], order({ status: 'partially_allocated' }), 'partially_allocated'],
      [[rule()], order({ inWave: 3 }), 'in_wave'],
      [[], order(), 'no_rule'],
      [[rule({ carriers: ['ZTO'] })], order(), 'carrier'],
      [[rule({ carriers: ['ZTO'] })], order({ carrier: null }), 'carrier'],
      [[rule({ items: 'multi' })], order(), 'item_count'],
      [[rule({ items: 'single' })], order({ lines: 2 }), 'item_count'],
      [[rule({ provinces: ['江苏省'] })], order(), 'destination'],
      [[rule({ cities: ['宁波市'] })], order(), 'destination'],
      [[rule({ stores: ['S1'] })], order(), 'destination'],
      [[rule({ cutOffTime: '09:00' })], order(), 'cut_off'],
      [[rule({ pushedBefore: '2026-12-07T00:00:00Z' })], order(), 'cut_off'],
      [[rule({ valueTiers: ['svip'] })], order(), 'value_tier'],
      [[rule({ valueTiers: ['svip'] })], order({ valueTier: null }), 'value_tier'],
      [[rule({ types: ['requisition'] })], order(), 'type'],
      [[rule({ limits: { units: 5 } })], order({ units: 6 }), 'over_limit'],
      [[rule({ limits: { weightKg: 5 } })], order({ weightKg: null }), 'weight_unknown'],
    ];
    for (const [rules, one, code] of cases) {
      const left = reasonOf(rules, one);
      expect(left, code).toMatchObject({ code, order: { id: one.id } });
      expect(left!.message.length, code).toBeGreaterThan(5);
    }
    expect(reasonOf([rule({ carriers: ['ZTO'] })], order())!.message).toBe('Carrier SF is not ZTO.');
  });

  it('takes orders that pass every filter given', () => {
    const strict = rule({
      carriers: ['SF'],
      items: 'single',
      provinces: ['浙江省'],
      cities: ['杭州市'],
      cutOffTime: '10:00', // 02:00Z
      pushedBefore: '2026-12-08T00:00:00Z',
      valueTiers: ['vip'],
      types: ['sales'],
    });
    const result = plan([strict], [order({ pushedAt: new Date('2026-12-07T01:59:59Z') })]);
    expect(result.leftOut).toEqual([]);
    expect(result.waves[0]!.orders).toHaveLength(1);
    expect(reasonOf([strict], order({ pushedAt: new Date('2026-12-07T02:00:00Z') }))!.code).toBe('cut_off');
  });

  it("reads the cut-off time on the warehouse's day of the release, in its time zone", () => {
    expect(cutOffMoment(new Date('2026-12-07T17:00:00Z'), '16:00', 'Asia/Shanghai').toISOString()).toBe(
      '2026-12-08T08:00:00.000Z',
    );
    expect(cutOffMoment(new Date('2026-12-07T15:59:00Z'), '16:00', 'Asia/Shanghai').toISOString()).toBe(
      '2026-12-07T08:00:00.000Z',
    );
    expect(cutOffMoment(new Date('2026-12-07T15:59:00Z'), '16:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-12-07T15:00:00.000Z',
    );
  });

  it('takes urgent orders first, then by push time', () => {
    const late = order({ pushedAt: new Date('2026-12-07T03:00:00Z') });
    const early = order({ pushedAt: new Date('2026-12-07T02:00:00Z') });
    const urgentLate = order({ priority: 'urgent', rank: 0, pushedAt: new Date('2026-12-07T04:00:00Z') });
    const result = plan([rule({ limits: { orders: 2 } })], [late, early, urgentLate]);
    expect(result.waves[0]!.orders.map((o) => o.id)).toEqual([urgentLate.id, early.id]);
    expect(result.leftOut).toMatchObject([{ order: { id: late.id }, code: 'over_limit', rule: 'r' }]);
  });

  it('fills a wave first-fit and leaves over-cap orders to later rules', () => {
    const big = order({ units: 8 });
    const small = order({ units: 2 });
    const first = rule({ name: 'first', limits: { units: 5 } });
    const second = rule({ name: 'second', carriers: ['SF'] });
    const result = plan([first, second], [big, small]);
    expect(result.waves.map((w) => [w.rule.name, w.orders.map((o) => o.id)])).toEqual([
      ['first', [small.id]],
      ['second', [big.id]],
    ]);
  });

  it('says which rule came closest: a cap before a filter', () => {
    const one = order({ units: 9 });
    const left = reasonOf(
      [rule({ name: 'a', carriers: ['ZTO'] }), rule({ name: 'b', limits: { units: 3 } })],
      one,
    );
    expect(left).toMatchObject({ code: 'over_limit', rule: 'b' });
    expect(left!.rules.map((r) => r.code)).toEqual(['carrier', 'over_limit']);
  });

  it('releases partially allocated orders when the strategy says so', () => {
    const partial = order({ status: 'partially_allocated' });
    expect(plan([rule()], [partial], true).waves[0]!.orders).toHaveLength(1);
  });

  it('never breaks a cap, and puts every order in one wave or in the left-out list', () => {
    const limits = fc.record(
      {
        orders: fc.integer({ min: 1, max: 6 }),
        lines: fc.integer({ min: 1, max: 12 }),
        units: fc.integer({ min: 1, max: 40 }),
        weightKg: fc.integer({ min: 1, max: 50 }),
      },
      { requiredKeys: [] },
    );
    const pool = fc.array(
      fc.record({
        lines: fc.integer({ min: 1, max: 4 }),
        units: fc.integer({ min: 1, max: 12 }),
        weightKg: fc.option(fc.integer({ min: 0, max: 9_000 }).map((g) => g / 1000)),
        rank: fc.integer({ min: 0, max: 3 }),
        carrier: fc.constantFrom('SF', 'ZTO'),
        status: fc.constantFrom('allocated', 'allocated', 'pending', 'partially_allocated'),
      }),
      { maxLength: 25 },
    );
    fc.assert(
      fc.property(fc.array(limits, { maxLength: 3 }), pool, (caps: WaveLimits[], rows) => {
        const orders = rows.map((row) => order(row));
        const rules = caps.map((limits, i) =>
          rule({ name: `r${i}`, limits, ...(i === 0 ? { carriers: ['SF'] } : {}) }),
        );
        const result = plan(rules, orders);
        for (const wave of result.waves) {
          const sum = (f: (o: PoolOrder) => number) => wave.orders.reduce((s, o) => s + f(o), 0);
          const l = wave.rule.limits;
          if (l.orders !== undefined) expect(wave.orders.length).toBeLessThanOrEqual(l.orders);
          if (l.lines !== undefined) expect(sum((o) => o.lines)).toBeLessThanOrEqual(l.lines);
          if (l.units !== undefined) expect(sum((o) => o.units)).toBeLessThanOrEqual(l.units);
          if (l.weightKg !== undefined)
            expect(sum((o) => o.weightKg!)).toBeLessThanOrEqual(l.weightKg + 1e-9);
          const ranks = wave.orders.map((o) => o.rank);
          expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        }
        const seen = [...result.waves.flatMap((w) => w.orders), ...result.leftOut.map((l) => l.order)].map(
          (o) => o.id,
        );
        expect(seen.sort()).toEqual(orders.map((o) => o.id).sort());
      }),
    );
  });
});

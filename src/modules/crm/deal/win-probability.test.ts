import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MIN_CLOSED_DEALS,
  WIN_FEATURES,
  amountBand,
  daysInStageBand,
  describeWinReason,
  estimateWin,
  trainWinModel,
  type WinExample,
  type WinFacts,
} from './win-probability.js';

const blank: WinFacts = Object.fromEntries(WIN_FEATURES.map((f) => [f, null])) as WinFacts;
const facts = (over: Partial<WinFacts>): WinFacts => ({ ...blank, ...over });

/** `n` examples with these facts and this outcome. */
const times = (n: number, over: Partial<WinFacts>, won: boolean): WinExample[] =>
  Array.from({ length: n }, () => ({ facts: facts(over), won }));

/**
 * 20 closed deals, 12 won and 8 lost. Stage: POC won 9 of 10, discovery won 3 of 10. Region: the won
 * deals split 6 north / 6 south, the lost ones 2 north / 6 south.
 */
const fixture: WinExample[] = [
  ...times(5, { stage: 'poc', region: 'north' }, true),
  ...times(4, { stage: 'poc', region: 'south' }, true),
  ...times(1, { stage: 'discovery', region: 'north' }, true),
  ...times(2, { stage: 'discovery', region: 'south' }, true),
  ...times(1, { stage: 'poc', region: 'north' }, false),
  ...times(1, { stage: 'discovery', region: 'north' }, false),
  ...times(6, { stage: 'discovery', region: 'south' }, false),
];

describe('the learned win probability', () => {
  const model = trainWinModel(fixture, 20);

  it('matches the hand-computed naive Bayes value with Laplace smoothing', () => {
    // prior odds (12+1)/(8+1); P(poc|won) = 10/14, P(poc|lost) = 2/10; P(north|won) = 7/14, P(north|lost) = 3/10.
    const poc = estimateWin(model, facts({ stage: 'poc', region: 'north' }));
    const odds = (13 / 9) * (10 / 14 / (2 / 10)) * (7 / 14 / (3 / 10));
    expect(poc.status).toBe('ok');
    if (poc.status !== 'ok') return;
    expect(poc.probability).toBeCloseTo(odds / (1 + odds), 12);
    // P(south|won) = 7/14, P(south|lost) = 7/10: 1625/2066.
    const south = estimateWin(model, facts({ stage: 'poc', region: 'south' }));
    expect(south.status === 'ok' && south.probability).toBeCloseTo(1625 / 2066, 12);
    // P(discovery|won) = 4/14, P(discovery|lost) = 8/10: odds 13/9 · 5/14 · 5/7.
    const discovery = estimateWin(model, facts({ stage: 'discovery', region: 'south' }));
    const dOdds = (13 / 9) * (5 / 14) * (5 / 7);
    expect(discovery.status === 'ok' && discovery.probability).toBeCloseTo(dOdds / (1 + dOdds), 12);
  });

  it('explains itself: what raised it and what lowered it, strongest first', () => {
    const estimate = estimateWin(model, facts({ stage: 'poc', region: 'south' }));
    if (estimate.status !== 'ok') throw new Error('expected an estimate');
    expect(estimate.raised.map((r) => [r.feature, r.value, r.won, r.closed])).toEqual([
      ['stage', 'poc', 9, 10],
    ]);
    expect(estimate.lowered.map((r) => [r.feature, r.value, r.won, r.closed])).toEqual([
      ['region', 'south', 6, 12],
    ]);
    expect(estimate.raised[0]!.weight).toBeCloseTo(Math.log(10 / 14 / (2 / 10)), 12);
    expect(describeWinReason(estimate.raised[0]!)).toBe(
      'stage = poc raises the chance: closed deals with it won 9 of 10 (90%)',
    );
    // Facts every example shares (all unknown) move nothing and are not reasons.
    expect([...estimate.raised, ...estimate.lowered].map((r) => r.feature)).not.toContain('industry');
  });

  it('keeps at most three reasons each way', () => {
    const many: WinExample[] = [];
    for (const feature of WIN_FEATURES) {
      many.push(...times(10, { [feature]: 'good' }, true), ...times(10, { [feature]: 'bad' }, false));
    }
    const estimate = estimateWin(
      trainWinModel(many, 200),
      facts({
        stage: 'good',
        kind: 'good',
        region: 'good',
        source: 'good',
        industry: 'bad',
        valueTier: 'bad',
        intentTier: 'bad',
        amountBand: 'bad',
      }),
    );
    if (estimate.status !== 'ok') throw new Error('expected an estimate');
    expect(estimate.raised).toHaveLength(3);
    expect(estimate.lowered).toHaveLength(3);
  });

  it('a value never seen is neither impossible nor certain', () => {
    const unseen = estimateWin(model, facts({ stage: 'tender', region: 'west' }));
    expect(unseen.status === 'ok' && unseen.probability).toBeGreaterThan(0.2);
    expect(unseen.status === 'ok' && unseen.probability).toBeLessThan(0.8);
  });

  it(`says it has too little history below ${MIN_CLOSED_DEALS} closed deals instead of guessing`, () => {
    const few = trainWinModel(fixture.slice(0, 19), 19);
    expect(estimateWin(few, facts({ stage: 'poc' }))).toEqual({
      status: 'too_little_history',
      closedDeals: 19,
      needed: MIN_CLOSED_DEALS,
    });
  });

  it('one more won deal with the same facts never lowers the estimate for those facts', () => {
    const value = fc.constantFrom('a', 'b', 'c', null);
    const example = fc.record({
      facts: fc.record(
        Object.fromEntries(WIN_FEATURES.map((f) => [f, value])) as Record<keyof WinFacts, typeof value>,
      ),
      won: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(example, { minLength: 20, maxLength: 60 }), fc.nat(), (examples, pick) => {
        const target = examples[pick % examples.length]!.facts;
        const before = estimateWin(trainWinModel(examples, examples.length), target);
        const after = estimateWin(
          trainWinModel([...examples, { facts: target, won: true }], examples.length + 1),
          target,
        );
        if (before.status !== 'ok' || after.status !== 'ok') return false;
        return (
          after.probability >= before.probability - 1e-12 && before.probability > 0 && before.probability < 1
        );
      }),
    );
  });
});

describe('bands', () => {
  it('amount bands go by major units', () => {
    expect(
      [null, 999_999, 1_000_000, 9_999_999, 10_000_000, 99_999_999, 100_000_000].map(amountBand),
    ).toEqual([null, '<10k', '10k-100k', '10k-100k', '100k-1M', '100k-1M', '>=1M']);
  });
  it('days-in-stage bands: a week, a month, a quarter, longer', () => {
    expect([0, 7, 8, 30, 31, 90, 91].map(daysInStageBand)).toEqual([
      '0-7',
      '0-7',
      '8-30',
      '8-30',
      '31-90',
      '31-90',
      '>90',
    ]);
  });
});

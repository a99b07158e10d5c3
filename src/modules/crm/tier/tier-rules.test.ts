import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TIER_RULES,
  INTENT_TIERS,
  type TierCondition,
  type TierRule,
} from '../settings/crm-settings.contract.js';
import { BUDGET_STATES, NEED_STATES } from '../customer/customer.contract.js';
import type { TierFacts } from './tier.contract.js';
import { explainSuggestion, factsOf, suggestIntentTier, wholeDaysBetween } from './tier-rules.js';

const MAX_DAYS = 6;

/** A customer nobody has qualified yet, contacted today. */
const base: TierFacts = {
  budget: 'unknown',
  need: 'unknown',
  decisionMakerKnown: false,
  openObjection: false,
  refused: false,
  daysSinceContact: 0,
};

describe('the default tier rules (MISSION 2.1 examples)', () => {
  const cases: [string, Partial<TierFacts>, string | null, string[]][] = [
    [
      'budget confirmed and decision maker known → A',
      { budget: 'confirmed', decisionMakerKnown: true, need: 'recorded' },
      'A',
      ['budget confirmed', 'decision maker known'],
    ],
    [
      'an open objection → B, naming it',
      {
        budget: 'confirmed',
        decisionMakerKnown: true,
        openObjection: true,
        objection: 'over budget vs competitor X',
      },
      'B',
      ['open objection: over budget vs competitor X'],
    ],
    ['over budget → B', { budget: 'over_budget' }, 'B', ['over budget']],
    ['a need recorded but no budget yet → B', { need: 'recorded' }, 'B', ['need recorded']],
    ['no need recorded → C', {}, 'C', ['no need recorded']],
    ['a latent need → C', { need: 'latent' }, 'C', ['latent need']],
    ['refused → D', { refused: true, budget: 'confirmed', decisionMakerKnown: true }, 'D', ['refused']],
    ['no need now → D', { need: 'none' }, 'D', ['no need']],
    [
      'no contact for 95 days → D',
      { daysSinceContact: 95, budget: 'confirmed', decisionMakerKnown: true },
      'D',
      ['no contact for 95 days (≥ 90)'],
    ],
    ['89 days is not yet long enough', { daysSinceContact: 89 }, 'C', ['no need recorded']],
    ['90 days is', { daysSinceContact: 90 }, 'D', ['no contact for 90 days (≥ 90)']],
  ];
  it.each(cases)('%s', (_title, facts, tier, texts) => {
    const suggestion = suggestIntentTier({ ...base, ...facts }, DEFAULT_TIER_RULES);
    expect(suggestion?.tier ?? null).toBe(tier);
    expect(suggestion?.reasons.map((reason) => reason.text)).toEqual(texts);
  });

  it('explains a suggestion in one line, with machine keys beside the texts', () => {
    const suggestion = suggestIntentTier(
      { ...base, budget: 'confirmed', decisionMakerKnown: true },
      DEFAULT_TIER_RULES,
    )!;
    expect(explainSuggestion(suggestion)).toBe('A because: budget confirmed, decision maker known');
    expect(suggestion.reasons).toEqual([
      { fact: 'budget', value: 'confirmed', text: 'budget confirmed' },
      { fact: 'decisionMakerKnown', value: true, text: 'decision maker known' },
    ]);
  });

  it('answers null when no rule matches', () => {
    expect(suggestIntentTier(base, [{ tier: 'A', when: [{ fact: 'refused', is: true }] }])).toBeNull();
    expect(suggestIntentTier(base, [])).toBeNull();
  });
});

describe('facts of a customer row', () => {
  const createdAt = new Date('2026-01-01T08:00:00Z');
  const row = { budget: 'confirmed', need: 'recorded', objection: '  ', refused: false, createdAt };
  it('counts whole days since the later of the last follow-up and creation', () => {
    const now = new Date('2026-04-06T07:59:59Z');
    expect(factsOf({ ...row, lastFollowUpAt: null }, true, now).daysSinceContact).toBe(94);
    expect(
      factsOf({ ...row, lastFollowUpAt: new Date('2026-04-01T08:00:00Z') }, true, now).daysSinceContact,
    ).toBe(4);
    // A follow-up dated before creation (backfilled) does not make the customer look older.
    expect(
      factsOf({ ...row, lastFollowUpAt: new Date('2025-01-01T00:00:00Z') }, true, now).daysSinceContact,
    ).toBe(94);
  });
  it('treats a blank objection as none', () => {
    const facts = factsOf({ ...row, lastFollowUpAt: null }, false, createdAt);
    expect(facts).toMatchObject({ openObjection: false, decisionMakerKnown: false, daysSinceContact: 0 });
    expect(
      factsOf({ ...row, objection: 'price', lastFollowUpAt: null }, false, createdAt).openObjection,
    ).toBe(true);
  });
  it('never counts negative days', () => {
    expect(wholeDaysBetween(new Date('2026-01-02T00:00:00Z'), new Date('2026-01-01T00:00:00Z'))).toBe(0);
  });
});

// --- Property tests against a brute-force oracle over every combination of facts (small day range). ---

/** Every combination of facts with contact 0..MAX_DAYS days ago. */
const allFacts: TierFacts[] = BUDGET_STATES.flatMap((budget) =>
  NEED_STATES.flatMap((need) =>
    [false, true].flatMap((decisionMakerKnown) =>
      [false, true].flatMap((openObjection) =>
        [false, true].flatMap((refused) =>
          Array.from({ length: MAX_DAYS + 1 }, (_, daysSinceContact) => ({
            budget,
            need,
            decisionMakerKnown,
            openObjection,
            refused,
            daysSinceContact,
            objection: openObjection ? 'too expensive' : null,
          })),
        ),
      ),
    ),
  ),
);

/** The oracle's reading of a condition: a table of the facts as plain values, written independently. */
function oracleHolds(condition: TierCondition, facts: TierFacts): boolean {
  const observed: Record<string, unknown> = { ...facts };
  if ('atLeast' in condition) return Number(observed.daysSinceContact) - condition.atLeast >= 0;
  return observed[condition.fact] === condition.is;
}

/** The index of the first rule whose conditions all hold, by plain loops; -1 when none. */
function oracleFirst(rules: TierRule[], facts: TierFacts): number {
  for (let i = 0; i < rules.length; i++) {
    let all = true;
    for (const condition of rules[i]!.when) all &&= oracleHolds(condition, facts);
    if (all) return i;
  }
  return -1;
}

const condition: fc.Arbitrary<TierCondition> = fc.oneof(
  fc.record({ fact: fc.constant('budget' as const), is: fc.constantFrom(...BUDGET_STATES) }),
  fc.record({ fact: fc.constant('need' as const), is: fc.constantFrom(...NEED_STATES) }),
  fc.record({ fact: fc.constant('decisionMakerKnown' as const), is: fc.boolean() }),
  fc.record({ fact: fc.constant('openObjection' as const), is: fc.boolean() }),
  fc.record({ fact: fc.constant('refused' as const), is: fc.boolean() }),
  fc.record({
    fact: fc.constant('daysSinceContact' as const),
    atLeast: fc.integer({ min: 0, max: MAX_DAYS + 1 }),
  }),
);
const rule: fc.Arbitrary<TierRule> = fc.record({
  tier: fc.constantFrom(...INTENT_TIERS),
  when: fc.array(condition, { minLength: 1, maxLength: 3 }),
});
const rules = fc.array(rule, { minLength: 0, maxLength: 6 });
const factsArb = fc.constantFrom(...allFacts);

describe('tier rules, as properties', () => {
  it('pick the first rule whose conditions all hold, for every combination of facts', () => {
    fc.assert(
      fc.property(rules, (list) => {
        for (const facts of allFacts) {
          const index = oracleFirst(list, facts);
          const suggestion = suggestIntentTier(facts, list);
          if (index < 0) {
            if (suggestion !== null) return false;
            continue;
          }
          if (suggestion?.tier !== list[index]!.tier) return false;
          if (suggestion.reasons.map((r) => r.fact).join() !== list[index]!.when.map((c) => c.fact).join())
            return false;
        }
        return true;
      }),
      { numRuns: 150 },
    );
  });

  it('give one reason per condition of the chosen rule, each true of the facts', () => {
    fc.assert(
      fc.property(rules, factsArb, (list, facts) => {
        const suggestion = suggestIntentTier(facts, list);
        if (!suggestion) return;
        const chosen = list[oracleFirst(list, facts)]!;
        expect(suggestion.reasons).toHaveLength(chosen.when.length);
        suggestion.reasons.forEach((reason, i) => {
          const cond = chosen.when[i]!;
          expect(reason.fact).toBe(cond.fact);
          expect(reason.value).toBe(facts[cond.fact]);
          if ('atLeast' in cond) {
            expect(reason.atLeast).toBe(cond.atLeast);
            expect(facts.daysSinceContact).toBeGreaterThanOrEqual(cond.atLeast);
          }
          expect(reason.text.length).toBeGreaterThan(0);
        });
      }),
    );
  });

  it('fall through to the next matching rule when the chosen one is removed', () => {
    fc.assert(
      fc.property(rules, factsArb, (list, facts) => {
        const index = oracleFirst(list, facts);
        fc.pre(index >= 0);
        const without = list.filter((_, i) => i !== index);
        const next = oracleFirst(list.slice(index + 1), facts);
        const expected = next < 0 ? null : list[index + 1 + next]!.tier;
        expect(suggestIntentTier(facts, without)?.tier ?? null).toBe(expected);
      }),
    );
  });

  it('are not changed by rules added after a match, nor by non-matching rules added before', () => {
    fc.assert(
      fc.property(rules, rules, factsArb, (list, extra, facts) => {
        const before = suggestIntentTier(facts, list);
        if (before) expect(suggestIntentTier(facts, [...list, ...extra])).toEqual(before);
        const failing = extra.filter((r) => oracleFirst([r], facts) < 0);
        expect(suggestIntentTier(facts, [...failing, ...list])).toEqual(before);
      }),
    );
  });

  it('only ever suggest a tier some rule names, and never change the rules', () => {
    fc.assert(
      fc.property(rules, factsArb, (list, facts) => {
        const copy = structuredClone(list);
        const suggestion = suggestIntentTier(facts, list);
        expect(list).toEqual(copy);
        if (suggestion) expect(list.map((r) => r.tier)).toContain(suggestion.tier);
      }),
    );
  });

  it('with the default rules, a longer silence never lifts a customer out of D', () => {
    fc.assert(
      fc.property(factsArb, fc.integer({ min: 0, max: 400 }), (facts, more) => {
        const now = suggestIntentTier(facts, DEFAULT_TIER_RULES);
        const later = suggestIntentTier(
          { ...facts, daysSinceContact: facts.daysSinceContact + more },
          DEFAULT_TIER_RULES,
        );
        if (now?.tier === 'D') expect(later?.tier).toBe('D');
      }),
    );
  });
});

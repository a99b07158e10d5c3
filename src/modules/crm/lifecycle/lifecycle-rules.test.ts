import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIFECYCLE_STAGES, type LifecycleDealEvent, type LifecycleStage } from './lifecycle.contract.js';
import { followDealEventTo, furthestStage, isPocStage, stageRank } from './lifecycle-rules.js';

const stage = fc.option(fc.constantFrom(...LIFECYCLE_STAGES), { nil: null });
const event: fc.Arbitrary<LifecycleDealEvent> = fc.record({
  customerId: fc.constant('c'),
  dealId: fc.constant('d'),
  kind: fc.constantFrom('created', 'stage_entered', 'won'),
  stage: fc.record({
    key: fc.constantFrom('reach', 'needs', 'poc', 'close', 'custom'),
    name: fc.constantFrom('Reach', 'POC / trial', 'Product trial', '试用', 'Negotiation'),
  }),
  wonDeals: fc.nat(4),
});

/** The rule spelt out case by case. */
function oracle(current: LifecycleStage | null, e: LifecycleDealEvent): LifecycleStage | undefined {
  const poc = e.stage.key === 'poc' || ['POC / trial', 'Product trial', '试用'].includes(e.stage.name);
  const order = [null, ...LIFECYCLE_STAGES];
  let target: LifecycleStage;
  if (e.kind === 'won')
    target = (current === 'in_use' || current === 'expansion') && e.wonDeals > 1 ? 'expansion' : 'in_use';
  else target = poc ? 'poc' : 'first_contact';
  return order.indexOf(target) > order.indexOf(current) ? target : undefined;
}

describe('where deal events take a customer', () => {
  it('matches the rule case by case and never goes backwards', () => {
    fc.assert(
      fc.property(stage, event, (current, e) => {
        const next = followDealEventTo(current, e);
        expect(next).toBe(oracle(current, e));
        if (next) expect(stageRank(next)).toBeGreaterThan(stageRank(current));
      }),
    );
  });

  it('knows the POC stage by key or by name', () => {
    expect(isPocStage({ key: 'poc', name: 'Anything' })).toBe(true);
    expect(isPocStage({ key: 'stage_7', name: 'POC' })).toBe(true);
    expect(isPocStage({ key: 'stage_7', name: '产品试用' })).toBe(true);
    expect(isPocStage({ key: 'needs', name: 'Needs discovery' })).toBe(false);
    expect(isPocStage({ key: 'x', name: 'Pocket money' })).toBe(false);
  });

  it('picks the furthest stage of a merge', () => {
    fc.assert(
      fc.property(fc.array(stage), (stages) => {
        const best = furthestStage(stages);
        expect(stageRank(best)).toBe(Math.max(-1, ...stages.map(stageRank)));
      }),
    );
  });
});

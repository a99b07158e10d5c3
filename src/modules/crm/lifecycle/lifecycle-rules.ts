/** Pure rules of the account lifecycle: the order of its stages and where deal events take a customer. */
import { LIFECYCLE_STAGES, type LifecycleDealEvent, type LifecycleStage } from './lifecycle.contract.js';

/** How far along a stage is: -1 for none, then 0..3 in `LIFECYCLE_STAGES` order. */
export function stageRank(stage: LifecycleStage | null | undefined): number {
  return stage ? LIFECYCLE_STAGES.indexOf(stage) : -1;
}

/** The furthest of these stages; null when none is set. */
export function furthestStage(stages: Iterable<LifecycleStage | null | undefined>): LifecycleStage | null {
  let best: LifecycleStage | null = null;
  for (const stage of stages) if (stageRank(stage) > stageRank(best)) best = stage ?? null;
  return best;
}

/** Whether a pipeline stage is the POC / trial step: the default key `poc`, or a name that says so. */
export function isPocStage(stage: { key: string; name: string }): boolean {
  return stage.key === 'poc' || /\bpoc\b|\btrial\b|试用|试点/i.test(stage.name);
}

/** The stage a deal event points to, before comparing it with where the customer stands. */
function eventTarget(current: LifecycleStage | null, event: LifecycleDealEvent): LifecycleStage {
  if (event.kind === 'won') {
    return stageRank(current) >= stageRank('in_use') && event.wonDeals >= 2 ? 'expansion' : 'in_use';
  }
  return isPocStage(event.stage) ? 'poc' : 'first_contact';
}

/**
 * Where a deal event moves a customer standing at `current`, or undefined when it stays: a new deal
 * gives a first contact, entering the POC stage gives POC, a win gives in use, and a second won deal
 * of a customer in use gives expansion. Automatic moves only go forward.
 */
export function followDealEventTo(
  current: LifecycleStage | null,
  event: LifecycleDealEvent,
): LifecycleStage | undefined {
  const target = eventTarget(current, event);
  return stageRank(target) > stageRank(current) ? target : undefined;
}

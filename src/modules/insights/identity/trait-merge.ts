/**
 * Traits, latest wins per key: each trait value carries the time it was set (the identify's event
 * time), so an older identify that arrives late changes nothing newer. Every change is returned for
 * `person_trait_changes`. The time of a stored value is that of its last recorded change.
 */

/** When and by which message a trait got its current value. */
export type TraitStamp = { at: Date; messageId: string | null };

/** One person's traits with the stamp of each. */
export type TraitState = { personId: string; values: Map<string, unknown>; stamps: Map<string, TraitStamp> };

/** A change of one trait, as `person_trait_changes` stores it. */
export type TraitChange = {
  personId: string;
  trait: string;
  oldValue: unknown;
  newValue: unknown;
  messageId: string | null;
  changedAt: Date;
};

const EPOCH = new Date(0);

/** A trait state from stored traits and stamps (values without a stamp count as oldest). */
export function traitState(
  personId: string,
  traits: Record<string, unknown>,
  stamps: Map<string, TraitStamp> = new Map(),
): TraitState {
  return { personId, values: new Map(Object.entries(traits)), stamps: new Map(stamps) };
}

/** The traits as a plain object (own properties only, whatever the keys are). */
export function traitValues(state: TraitState): Record<string, unknown> {
  return Object.fromEntries(state.values);
}

/** JSON with object keys sorted, so equal values compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : inner,
  );
}

function setTrait(
  state: TraitState,
  trait: string,
  value: unknown,
  stamp: TraitStamp,
): TraitChange | undefined {
  const had = state.values.has(trait);
  const old = state.values.get(trait) ?? null;
  state.stamps.set(trait, stamp);
  if (had && canonical(old) === canonical(value)) return undefined;
  state.values.set(trait, value);
  return {
    personId: state.personId,
    trait,
    oldValue: old,
    newValue: value,
    messageId: stamp.messageId,
    changedAt: stamp.at,
  };
}

/**
 * Applies one identify's traits at its event time: a key whose current value is as new or older
 * takes the new value; a newer one stays.
 */
export function applyTraits(
  state: TraitState,
  traits: Record<string, unknown>,
  at: Date,
  messageId: string,
): TraitChange[] {
  const changes: TraitChange[] = [];
  for (const [trait, value] of Object.entries(traits)) {
    if (value === undefined) continue;
    if (at.getTime() < (state.stamps.get(trait)?.at ?? EPOCH).getTime()) continue;
    const change = setTrait(state, trait, value, { at, messageId });
    if (change) changes.push(change);
  }
  return changes;
}

/**
 * Takes into the survivor each trait of a merged person that the survivor lacks or holds an older
 * value of; the change keeps the merged value's time and message.
 */
export function absorbTraits(survivor: TraitState, merged: TraitState): TraitChange[] {
  const changes: TraitChange[] = [];
  for (const [trait, value] of merged.values) {
    const theirs = merged.stamps.get(trait) ?? { at: EPOCH, messageId: null };
    const ours = survivor.stamps.get(trait);
    if (survivor.values.has(trait) && theirs.at.getTime() <= (ours?.at ?? EPOCH).getTime()) continue;
    const change = setTrait(survivor, trait, value, theirs);
    if (change) changes.push(change);
  }
  return changes;
}

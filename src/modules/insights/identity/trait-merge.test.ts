import { describe, expect, it } from 'vitest';
import { absorbTraits, applyTraits, traitState, traitValues } from './trait-merge.js';

const at = (hour: number) => new Date(Date.UTC(2026, 2, 1, hour));

describe('applyTraits', () => {
  it('sets new keys and newer values, records each change, and keeps values newer than the identify', () => {
    const state = traitState('p', {});
    expect(applyTraits(state, { name: 'A', plan: 'free' }, at(10), 'm1')).toHaveLength(2);
    const late = applyTraits(state, { name: 'Old', plan: 'pro' }, at(9), 'm0');
    expect(late).toEqual([]);
    expect(applyTraits(state, { plan: 'pro' }, at(11), 'm2')).toEqual([
      { personId: 'p', trait: 'plan', oldValue: 'free', newValue: 'pro', messageId: 'm2', changedAt: at(11) },
    ]);
    expect(traitValues(state)).toEqual({ name: 'A', plan: 'pro' });
  });

  it('records no change for an equal value (objects compare by content) but moves its time on', () => {
    const state = traitState('p', {});
    applyTraits(state, { address: { city: 'Shenzhen', zip: '518000' } }, at(10), 'm1');
    expect(applyTraits(state, { address: { zip: '518000', city: 'Shenzhen' } }, at(12), 'm2')).toEqual([]);
    // The value is now as of 12:00, so an 11:00 identify is older.
    expect(applyTraits(state, { address: { city: 'Beijing' } }, at(11), 'm3')).toEqual([]);
  });

  it('lets an identify at the same time as the current value win, and takes null as a value', () => {
    const state = traitState('p', {});
    applyTraits(state, { title: 'CTO' }, at(10), 'm1');
    expect(applyTraits(state, { title: null }, at(10), 'm2')).toHaveLength(1);
    expect(traitValues(state)).toEqual({ title: null });
  });

  it('keeps odd keys as plain data', () => {
    const state = traitState('p', {});
    const odd = JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1}') as Record<string, unknown>;
    applyTraits(state, odd, at(10), 'm1');
    const values = traitValues(state);
    expect(Object.keys(values).sort()).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('absorbTraits', () => {
  it("takes the merged person's newer and missing traits, keeping their time and message", () => {
    const survivor = traitState(
      's',
      { color: 'red', size: 'L' },
      new Map([
        ['color', { at: at(9), messageId: 's1' }],
        ['size', { at: at(7), messageId: 's0' }],
      ]),
    );
    const merged = traitState(
      'm',
      { color: 'blue', size: 'M', name: 'Wang' },
      new Map([
        ['color', { at: at(8), messageId: 'm1' }],
        ['size', { at: at(8), messageId: 'm1' }],
        ['name', { at: at(8), messageId: 'm1' }],
      ]),
    );
    expect(absorbTraits(survivor, merged)).toEqual([
      { personId: 's', trait: 'size', oldValue: 'L', newValue: 'M', messageId: 'm1', changedAt: at(8) },
      { personId: 's', trait: 'name', oldValue: null, newValue: 'Wang', messageId: 'm1', changedAt: at(8) },
    ]);
    expect(traitValues(survivor)).toEqual({ color: 'red', size: 'M', name: 'Wang' });
    expect(applyTraits(survivor, { name: 'Li' }, at(7), 'late')).toEqual([]);
  });
});

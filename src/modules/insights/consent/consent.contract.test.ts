import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONSENT_PURPOSES, CONSENT_RULES, CONSENT_STATUSES, excludedSubjects } from './consent.contract.js';

const subjects = ['a', 'b', 'c', 'd'];

describe('excludedSubjects', () => {
  it('leaves out withdrawals in force; `not-granted` also those never asked', () => {
    const records = [
      { subjectId: 'a', purpose: 'marketing', status: 'withdrawn', at: '2026-01-01T00:00:00.000Z' },
      { subjectId: 'b', purpose: 'marketing', status: 'withdrawn', at: '2026-01-01T00:00:00.000Z' },
      { subjectId: 'b', purpose: 'marketing', status: 'granted', at: '2026-02-01T00:00:00.000Z' },
      { subjectId: 'c', purpose: 'analytics', status: 'withdrawn', at: '2026-01-01T00:00:00.000Z' },
    ] as const;
    const rows = records.map((r) => ({ ...r }));
    expect([...excludedSubjects(rows, subjects, 'marketing', 'withdrawn')]).toEqual(['a']);
    expect([...excludedSubjects(rows, subjects, 'marketing', 'not-granted')]).toEqual(['a', 'c', 'd']);
    expect([...excludedSubjects(rows, subjects, 'analytics', 'withdrawn')]).toEqual(['c']);
  });

  it('agrees with a brute-force reading of the newest record per subject and purpose', () => {
    const record = fc.record({
      subjectId: fc.constantFrom(...subjects),
      purpose: fc.constantFrom(...CONSENT_PURPOSES),
      status: fc.constantFrom(...CONSENT_STATUSES),
      at: fc
        .integer({ min: 0, max: 10_000 })
        .map((ms) => new Date(1_767_225_600_000 + ms * 60_000).toISOString()),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(record, { selector: (r) => `${r.subjectId}${r.purpose}${r.at}` }),
        fc.constantFrom(...CONSENT_PURPOSES),
        fc.constantFrom(...CONSENT_RULES),
        (records, purpose, rule) => {
          const expected = subjects.filter((id) => {
            const mine = records.filter((r) => r.subjectId === id && r.purpose === purpose);
            const latest = mine.find((r) => mine.every((other) => other.at <= r.at));
            return rule === 'withdrawn' ? latest?.status === 'withdrawn' : latest?.status !== 'granted';
          });
          expect([...excludedSubjects(records, subjects, purpose, rule)]).toEqual(expected);
        },
      ),
    );
  });
});

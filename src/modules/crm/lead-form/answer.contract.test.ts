import { describe, expect, it } from 'vitest';
import { checkAnswers, mergeAnswers, missingFields } from './answer.contract.js';
import type { FormField } from './lead-form.contract.js';

const fields: Pick<FormField, 'key' | 'type' | 'required' | 'options'>[] = [
  { key: 'a', type: 'text', required: true },
  { key: 'b', type: 'multi_choice', required: true, options: ['x', 'y'] },
  { key: 'c', type: 'yes_no', required: true },
  { key: 'd', type: 'number', required: false },
];

describe('answers', () => {
  it('counts absent, empty strings and empty lists as missing, in form order; false and 0 are answers', () => {
    expect(missingFields(fields, {})).toEqual(['a', 'b', 'c']);
    expect(missingFields(fields, { a: '  ', b: [], c: false })).toEqual(['a', 'b']);
    expect(missingFields(fields, { a: 'hi', b: ['x'], c: false, d: 0 })).toEqual([]);
  });

  it('names each wrong answer and accepts null to clear', () => {
    expect(checkAnswers(fields, { a: 1, b: ['x', 'x'], c: null, d: Infinity }).map((i) => i.path)).toEqual([
      'answers.a',
      'answers.b',
      'answers.d',
    ]);
    expect(mergeAnswers({ a: 'x', d: 1 }, { a: null, c: true })).toEqual({ d: 1, c: true });
  });
});

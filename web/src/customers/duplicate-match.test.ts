import { describe, expect, it } from 'vitest';
import { matchLabelKey } from './duplicate-match';

describe('duplicate match labels', () => {
  it('calls names that only share the company key similar, and identical ones the same', () => {
    expect(matchLabelKey('name', '重庆新锐机械制造公司', '重庆新锐机械制造有限公司')).toBe('similarName');
    expect(matchLabelKey('name', 'Acme Ltd', 'ACME Limited')).toBe('similarName');
    expect(matchLabelKey('name', '重庆新锐机械制造有限公司', '重庆新锐机械制造有限公司')).toBe('name');
    expect(matchLabelKey('name', 'Acme  Ltd', 'acme ltd')).toBe('name');
    expect(matchLabelKey('name', 'ＡＣＭＥ', 'acme')).toBe('name');
  });

  it('leaves the other keys as they are', () => {
    expect(matchLabelKey('phone', 'a', 'b')).toBe('phone');
    expect(matchLabelKey('uscc', 'a', 'a')).toBe('uscc');
  });
});

import { describe, expect, it } from 'vitest';
import { looksLikeInitials, nameInitials } from './name-initials.js';

describe('pinyin initials of a name', () => {
  it('takes the first letter of each Chinese character, read in context', () => {
    expect(nameInitials('杭州云帆科技有限公司')).toBe('hzyfkjyxgs');
    expect(nameInitials('重庆新锐机械制造公司')).toBe('cqxrjxzzgs');
    expect(nameInitials('中国银行')).toBe('zgyh');
    expect(nameInitials('Yunfan 云帆 Ltd')).toBe('yf');
  });

  it('has none for a name without Chinese, and stays bounded', () => {
    expect(nameInitials('Yunfan Trading Ltd')).toBeNull();
    expect(nameInitials('')).toBeNull();
    expect(nameInitials('云'.repeat(500))).toHaveLength(64);
  });

  it('treats 2 to 20 Latin letters as initials someone may type', () => {
    expect(looksLikeInitials('hzyf')).toBe(true);
    expect(looksLikeInitials('HZYF')).toBe(true);
    expect(looksLikeInitials('h')).toBe(false);
    expect(looksLikeInitials('hz yf')).toBe(false);
    expect(looksLikeInitials('云帆')).toBe(false);
  });
});

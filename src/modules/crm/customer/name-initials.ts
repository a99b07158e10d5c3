/**
 * Pinyin initials of a customer's name, for search: `hzyf` finds 杭州云帆科技有限公司, as users of Chinese
 * CRMs type it. Each Chinese character gives the first letter of its reading in context (重庆 -> `cq`,
 * not `zq`); other characters are left out. Pure.
 */
import { pinyin } from 'pinyin-pro';

/** The longest initials kept (a name's first 64 Chinese characters). */
const MAX_INITIALS = 64;

/** `hzyfkjyxgs` for 杭州云帆科技有限公司; null when the name has no Chinese character. */
export function nameInitials(name: string): string | null {
  if (!/\p{Script=Han}/u.test(name)) return null;
  const letters = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  return letters ? letters.slice(0, MAX_INITIALS) : null;
}

/** Whether `text` could be initials someone typed: 2 to 20 Latin letters and nothing else. */
export function looksLikeInitials(text: string): boolean {
  return /^[a-z]{2,20}$/i.test(text);
}

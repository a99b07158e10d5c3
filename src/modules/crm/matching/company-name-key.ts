/**
 * Company and agency names as duplicate-matching keys. Two spellings get the same key when they
 * differ only in width (full-/half-width), case, whitespace, bracket style, punctuation or the
 * legal form at the end of the name.
 *
 * Legal forms stripped from the end, repeatedly:
 * - Chinese: 股份有限公司, 有限责任公司 (and 有限責任公司), 股份公司, 有限公司, 有限合伙, 普通合伙, and a bare
 *   公司. They only say how liability is limited; people drop or swap them freely.
 * - English words: co, company, ltd, limited, inc, incorporated, corp, corporation, llc, gmbh, plc,
 *   pte, pty. Only whole words are stripped, so `Costco` and `Zinc` keep their endings.
 * Deliberately kept:
 * - 集团: a group is a different party from its operating company (`XX集团` is not `XX有限公司`).
 *   Only the legal form after it goes, so 集团股份有限公司, 集团有限公司 and 集团公司 all end in 集团.
 * - 分公司: a branch is a different customer from its parent (its own contracts, invoices and
 *   contacts), so `XX有限公司北京分公司` keeps its whole name and does not match `XX有限公司`.
 *   子公司 is not treated so: a subsidiary registers under a full name of its own, and a name that
 *   ends in 子公司 is far more often a trade such as 电子公司 or 量子公司.
 */

const ENGLISH_LEGAL_WORDS: ReadonlySet<string> = new Set([
  'co',
  'company',
  'ltd',
  'limited',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'llc',
  'gmbh',
  'plc',
  'pte',
  'pty',
]);
// Longest first, so 股份有限公司 goes as a whole instead of leaving 股份 behind after 有限公司.
const CHINESE_LEGAL_SUFFIXES = [
  '股份有限公司',
  '有限责任公司',
  '有限責任公司',
  '股份公司',
  '有限公司',
  '有限合伙',
  '普通合伙',
];
const BARE_COMPANY = '公司';
const BRANCH = /分公司$/u;

// `L.L.C.` and `S.A.` would otherwise fall apart into one-letter words that no legal word matches.
const DOTTED_INITIALS = /(?<![\p{L}\p{N}])(?:\p{L}\.){2,}/gu;
// All punctuation (brackets of every style included) becomes a word break; the bracket's content stays.
const PUNCTUATION = /[\p{P}®©™℠]/gu;
// Words are runs of Han characters or runs of other letters and digits, so `华为Inc.` loses its `inc`
// as `华为 Inc.` does. Spaces between Latin words are what lets `co ltd` be recognised as legal words,
// but between Han characters they mean nothing (`北京字节跳动科技 有限责任公司`, `XX 有限 公司`).
const HAN_BOUNDARY =
  /(?<=\p{Script=Han})(?=[^\p{Script=Han}\s])|(?<=[^\p{Script=Han}\s])(?=\p{Script=Han})/gu;
const SPACE_BETWEEN_HAN = /(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu;
const SPACES = /\s+/u;

/**
 * Returns the normalised name used to find duplicate companies and agencies, or undefined when
 * nothing is left (the name was only a legal form such as `有限公司`).
 *
 * @example companyNameKey('华为技术（深圳）有限公司') // '华为技术深圳'
 * @example companyNameKey('Acme Co., Ltd.') // 'acme'
 */
export function companyNameKey(raw: string): string | undefined {
  // Lower-casing can leave text that is not in NFKC form (a few Greek and Turkish letters), hence twice.
  const text = raw
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFKC')
    .replace(DOTTED_INITIALS, (initials) => initials.replaceAll('.', ''))
    .replace(PUNCTUATION, ' ')
    .replace(HAN_BOUNDARY, ' ')
    .replace(SPACE_BETWEEN_HAN, '');
  const words = text.split(SPACES).filter((word) => word !== '');
  stripLegalForms(words);
  const key = words.join('');
  return key === '' ? undefined : key;
}

function stripLegalForms(words: string[]): void {
  for (;;) {
    const last = words.at(-1);
    if (last === undefined) return;
    const rest = ENGLISH_LEGAL_WORDS.has(last) ? '' : withoutChineseLegalSuffix(last);
    if (rest === last) return;
    if (rest === '') words.pop();
    else words[words.length - 1] = rest;
  }
}

function withoutChineseLegalSuffix(word: string): string {
  const suffix = CHINESE_LEGAL_SUFFIXES.find((candidate) => word.endsWith(candidate));
  if (suffix !== undefined) return word.slice(0, -suffix.length);
  if (word.endsWith(BARE_COMPANY) && !BRANCH.test(word)) {
    return word.slice(0, -BARE_COMPANY.length);
  }
  return word;
}

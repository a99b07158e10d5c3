import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { companyNameKey } from './company-name-key.js';

describe('companyNameKey', () => {
  it.each([
    [
      'acme',
      [
        'Acme',
        'ACME',
        'Acme Co., Ltd.',
        'ACME Co Ltd',
        'acme co.,ltd',
        'Acme Co.,Ltd.',
        'Acme Co. Ltd',
        'Acme Limited',
        'Acme Company Limited',
        'Acme Company',
        'Acme Inc.',
        'Acme, Inc.',
        'Acme Incorporated',
        'ACME CORPORATION',
        'Acme Corp.',
        'Acme LLC',
        'Acme L.L.C.',
        'Acme GmbH',
        'Acme PLC',
        'Acme Pte. Ltd.',
        'Acme Pty Ltd',
        'Acme Co., Ltd. Inc.',
        'Ａｃｍｅ　Ｃｏ．，Ｌｔｄ．',
        '  Acme  ',
        'Acme 有限公司',
        'Acme有限公司',
        'Acme Co., Ltd.（有限公司）',
      ],
    ],
    [
      '北京字节跳动科技',
      [
        '北京字节跳动科技有限公司',
        '北京字节跳动科技 有限责任公司',
        '北京字节跳动科技股份有限公司',
        '北京字节跳动科技有限責任公司',
        '北京字节跳动科技股份公司',
        '北京字节跳动科技公司',
        '北京字节跳动科技',
        '北京 字节跳动 科技 有限公司',
        '北京字节跳动科技有限 公司',
        '“北京字节跳动科技有限公司”',
      ],
    ],
    [
      '华为技术深圳',
      [
        '华为技术（深圳）有限公司',
        '华为技术(深圳)有限公司',
        '华为技术 (深圳) 有限公司',
        '华为技术 （ 深圳 ） 有限公司',
        '华为技术【深圳】有限公司',
        '华为技术[深圳]有限公司',
        '华为技术〔深圳〕有限公司',
        '华为技术（深圳）有限责任公司',
      ],
    ],
    [
      '中国平安保险集团',
      [
        '中国平安保险（集团）股份有限公司',
        '中国平安保险(集团)股份有限公司',
        '中国平安保险集团股份有限公司',
        '中国平安保险集团有限公司',
        '中国平安保险集团公司',
        '中国平安保险集团',
      ],
    ],
    [
      '深圳市远望投资中心',
      ['深圳市远望投资中心（有限合伙）', '深圳市远望投资中心(普通合伙)', '深圳市远望投资中心'],
    ],
    ['tcl科技集团', ['TCL科技集团股份有限公司', 'TCL 科技集团股份有限公司', 'ＴＣＬ科技集团股份有限公司']],
    ['华为', ['华为Inc.', '华为 Inc.', '华为 Co., Ltd.', '华为有限公司']],
    ['上海市浦东新区人民政府', ['上海市浦东新区人民政府', '上海市 浦东新区 人民政府']],
    ['mcdonalds', ["McDonald's", 'McDonalds', "McDonald's Corporation"]],
    ['cocacola', ['Coca-Cola', 'Coca Cola Company', 'coca·cola']],
    ['att', ['AT&T Inc.', 'AT & T', 'A.T.T.']],
  ])('gives every spelling of %s the same key', (key, names) => {
    for (const name of names) expect([name, companyNameKey(name)]).toEqual([name, key]);
  });

  it.each([
    ['XX集团有限公司', 'xx集团', 'keeps 集团: a group is not its operating company'],
    ['XX集团股份有限公司', 'xx集团', 'keeps 集团 whatever the legal form after it'],
    ['XX有限公司北京分公司', 'xx有限公司北京分公司', 'keeps a branch whole'],
    ['XX有限公司 北京 分公司', 'xx有限公司北京分公司', 'keeps a branch whole, spaces aside'],
    ['深圳宏达电子公司', '深圳宏达电子', 'strips 公司 after 电子 (electronics, not a subsidiary)'],
    ['合肥本源量子公司', '合肥本源量子', 'strips 公司 after 量子'],
    ['Costco Wholesale Corporation', 'costcowholesale', 'strips only whole English words'],
    ['Costco', 'costco', 'does not strip "co" inside a word'],
    ['Tesco PLC', 'tesco', 'strips PLC but not the "co" of Tesco'],
    ['Zinc Inc', 'zinc', 'does not strip "inc" inside a word'],
    ['Cisco Systems, Inc.', 'ciscosystems', 'joins the remaining words'],
    ['Limited Brands Inc', 'limitedbrands', 'keeps a legal word that is not at the end'],
    ['有限公司之家', '有限公司之家', 'keeps a legal form that is not at the end'],
    ['3M Company', '3m', 'keeps digits'],
    ['Acme®', 'acme', 'drops trademark signs'],
  ])('%s → %s (%s)', (name, key) => {
    expect(companyNameKey(name)).toBe(key);
  });

  it.each([
    ['XX集团有限公司', 'XX有限公司'],
    ['XX有限公司北京分公司', 'XX有限公司'],
    ['XX有限公司北京分公司', 'XX有限公司上海分公司'],
    ['华为技术有限公司', '华为终端有限公司'],
    ['华为技术（深圳）有限公司', '华为技术有限公司'],
    ['北京字节跳动科技有限公司', '上海字节跳动科技有限公司'],
    ['Acme Co., Ltd.', 'Acme Trading Co., Ltd.'],
  ])('tells %s and %s apart', (a, b) => {
    expect(companyNameKey(a)).not.toBe(companyNameKey(b));
  });

  it.each([
    '',
    '   ',
    '　',
    '有限公司',
    '股份有限公司',
    '公司',
    '（有限公司）',
    'Co., Ltd.',
    'Limited',
    'Inc.',
    '...',
    '（）',
    '【】',
  ])('gives no key for %j, which has nothing left once legal forms are stripped', (name) => {
    expect(companyNameKey(name)).toBeUndefined();
  });
});

// Letters and Han characters from which no legal word or suffix can be spelt (no o, l, i, g, p; no
// 公, 司, 有, 限, 股, 份, 责, 任, 合, 伙, 普, 通; no 分 or 子, which would make a trailing 公司 a branch).
const LATIN = [...'abcdefhjkmnqrstuvwxyzABCDEFHJKMNQRSTUVWXYZ0123456789'];
const HAN = [
  ...'北京上海深圳广州华为技术科学研究院中国字节跳动信息网络集团贸易电器商务平安保险银行人民政府医院大学',
];
const word = fc.string({ unit: fc.constantFrom(...LATIN, ...HAN), minLength: 1, maxLength: 8 });
const plainName = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));
const noise = fc.constantFrom(
  '',
  '',
  '',
  ' ',
  '  ',
  '　',
  '(',
  ')',
  '（',
  '）',
  '【',
  '】',
  '[',
  ']',
  '·',
  '-',
  '_',
  ',',
  '，',
  '。',
  "'",
  '"',
  '&',
);
const LEGAL_SUFFIXES = [
  '有限公司',
  '股份有限公司',
  '有限责任公司',
  '公司',
  '（有限合伙）',
  ' Co., Ltd.',
  ' Limited',
  ' Inc.',
  ' Corp',
  ' LLC',
];

const toFullWidth = (text: string) =>
  text.replace(/[!-~]/gu, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));

describe('companyNameKey properties', () => {
  it('is idempotent on its own output for names without legal words', () => {
    fc.assert(
      fc.property(plainName, (name) => {
        const key = companyNameKey(name);
        expect(key).toBeDefined();
        expect(companyNameKey(key!)).toBe(key);
      }),
    );
  });

  it('ignores width, case, whitespace, brackets and punctuation', () => {
    const written = plainName.chain((name) =>
      fc
        .tuple(
          fc.array(noise, { minLength: name.length, maxLength: name.length }),
          fc.boolean(),
          fc.boolean(),
        )
        .map(([noises, upper, wide]) => {
          let text = [...name].map((char, i) => char + (noises[i] ?? '')).join('');
          text = upper ? text.toUpperCase() : text;
          return [name, wide ? toFullWidth(text) : text] as const;
        }),
    );
    fc.assert(
      fc.property(written, ([name, text]) => {
        expect(companyNameKey(text)).toBe(companyNameKey(name));
      }),
    );
  });

  it('ignores any chain of legal forms at the end', () => {
    const suffixes = fc.array(fc.constantFrom(...LEGAL_SUFFIXES), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(plainName, suffixes, (name, tail) => {
        expect(companyNameKey(name + tail.join(''))).toBe(companyNameKey(name));
      }),
    );
  });

  it('never leaves whitespace or punctuation in a key, nor an empty key', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (name) => {
        const key = companyNameKey(name);
        if (key === undefined) return;
        expect(key).not.toBe('');
        expect(key).not.toMatch(/[\s\p{P}]/u);
      }),
    );
  });
});

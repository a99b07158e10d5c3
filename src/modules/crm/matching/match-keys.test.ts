import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MatchKeys, matchKeysOf, sharedKeys } from './match-keys.js';

describe('matchKeysOf', () => {
  it.each([
    [
      'a business with every field',
      {
        kind: 'business',
        name: '华为技术（深圳）有限公司',
        phone: '0755-2878 0808',
        email: ' Sales＠Huawei.com ',
        uscc: '91350100m000100y43',
      },
      {
        phoneKey: '+8675528780808',
        emailKey: 'sales@huawei.com',
        nameKey: '华为技术深圳',
        uscc: '91350100M000100Y43',
      },
    ],
    [
      'a government agency',
      {
        kind: 'government',
        name: '上海市 浦东新区 人民政府',
        phone: '021-12345678',
        uscc: '911100001000080343',
      },
      { phoneKey: '+862112345678', nameKey: '上海市浦东新区人民政府', uscc: '911100001000080343' },
    ],
    [
      'a consumer, whose name is never a key',
      { kind: 'consumer', name: '王伟', phone: '138 0013 8000', email: 'wang.wei@qq.com' },
      { phoneKey: '+8613800138000', emailKey: 'wang.wei@qq.com' },
    ],
    ['a consumer with only a name', { kind: 'consumer', name: '张伟' }, {}],
    [
      'a business with null fields',
      { kind: 'business', name: 'Acme Co., Ltd.', phone: null, email: null, uscc: null },
      { nameKey: 'acme' },
    ],
    [
      'a business whose fields are unusable',
      { kind: 'business', name: '有限公司', phone: '123', email: 'not an email', uscc: '91350100M000100Y44' },
      {},
    ],
    [
      'a business with a USCC of the wrong length',
      { kind: 'business', name: 'Acme', uscc: '91350100M000100Y4' },
      { nameKey: 'acme' },
    ],
    ['a business with empty strings', { kind: 'business', name: '', phone: '', email: '', uscc: '' }, {}],
  ] as const)('computes the keys of %s', (_label, input, keys) => {
    expect(matchKeysOf(input)).toStrictEqual(keys);
  });

  it('gives the same keys to two spellings of the same company', () => {
    const a = matchKeysOf({
      kind: 'business',
      name: '北京字节跳动科技有限公司',
      phone: '+86 10 1234 5678',
      email: 'BD@Bytedance.com',
      uscc: '91350100M000100Y43',
    });
    const b = matchKeysOf({
      kind: 'business',
      name: '北京字节跳动科技 有限责任公司',
      phone: '010-12345678',
      email: 'bd＠bytedance．com',
      uscc: '９１３５０１００Ｍ０００１００Ｙ４３',
    });
    expect(b).toStrictEqual(a);
  });
});

describe('sharedKeys', () => {
  const full: MatchKeys = {
    phoneKey: '+8613800138000',
    emailKey: 'a@example.com',
    nameKey: 'acme',
    uscc: '91350100M000100Y43',
  };

  it.each([
    ['all four keys equal', full, { ...full }, ['phone', 'email', 'name', 'uscc']],
    ['only the phone', full, { phoneKey: '+8613800138000', nameKey: 'other' }, ['phone']],
    ['only the email', full, { emailKey: 'a@example.com' }, ['email']],
    ['only the name', full, { nameKey: 'acme', uscc: '911100001000080343' }, ['name']],
    ['only the USCC', full, { uscc: '91350100M000100Y43' }, ['uscc']],
    [
      'phone and USCC',
      full,
      { ...full, emailKey: 'b@example.com', nameKey: 'acmetrading' },
      ['phone', 'uscc'],
    ],
    ['nothing in common', full, { phoneKey: '+8613900139000' }, []],
    ['two customers without keys', {}, {}, []],
    ['one side without keys', full, {}, []],
  ] as const)('lists %s', (_label, a, b, shared) => {
    expect(sharedKeys(a, b)).toEqual(shared);
    expect(sharedKeys(b, a)).toEqual(shared);
  });

  it('does not count a key missing on both sides as shared', () => {
    expect(sharedKeys({ phoneKey: undefined }, { phoneKey: undefined })).toEqual([]);
  });
});

describe('sharedKeys properties', () => {
  const key = fc.option(fc.constantFrom('x', 'y'), { nil: undefined });
  const keys = fc
    .record({ phoneKey: key, emailKey: key, nameKey: key, uscc: key })
    .map((record): MatchKeys =>
      Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)),
    );

  it('is symmetric', () => {
    fc.assert(
      fc.property(keys, keys, (a, b) => {
        expect(sharedKeys(a, b)).toEqual(sharedKeys(b, a));
      }),
    );
  });

  it('shares with itself exactly the keys it has', () => {
    fc.assert(
      fc.property(keys, (a) => {
        expect(sharedKeys(a, a)).toHaveLength(Object.keys(a).length);
      }),
    );
  });
});

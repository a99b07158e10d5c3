import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emailKey } from './email-key.js';

describe('emailKey', () => {
  it.each([
    ['zhang.san@example.com', 'zhang.san@example.com'],
    ['  Zhang.San@Example.COM  ', 'zhang.san@example.com'],
    ['ZHANG.SAN@EXAMPLE.COM', 'zhang.san@example.com'],
    ['zhang.san＠example.com', 'zhang.san@example.com'],
    ['zhang.san@example．com', 'zhang.san@example.com'],
    ['zhang.san@example。com', 'zhang.san@example.com'],
    ['zhang.san@example｡com', 'zhang.san@example.com'],
    ['ｚｈａｎｇ．ｓａｎ＠ｅｘａｍｐｌｅ．ｃｏｍ', 'zhang.san@example.com'],
    ['　zhang.san@example.com　', 'zhang.san@example.com'],
    ['\tzhang.san@example.com\n', 'zhang.san@example.com'],
    ['mailto:Zhang.San@Example.com', 'zhang.san@example.com'],
    ['12345678@qq.com', '12345678@qq.com'],
    ['Li_Si-2024@163.COM', 'li_si-2024@163.com'],
    ['wang.wu+crm@gmail.com', 'wang.wu+crm@gmail.com'],
    ['w.a.n.g@gmail.com', 'w.a.n.g@gmail.com'],
    ['sales@mail.example.com.cn', 'sales@mail.example.com.cn'],
    ['service@华为.中国', 'service@华为.中国'],
  ])('%j → %s', (raw, key) => {
    expect(emailKey(raw)).toBe(key);
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['a name', '张三'],
    ['no @', 'zhang.san.example.com'],
    ['two @', 'zhang@san@example.com'],
    ['no local part', '@example.com'],
    ['no domain', 'zhang.san@'],
    ['a domain without a dot', 'zhang.san@localhost'],
    ['an empty domain label', 'zhang.san@example..com'],
    ['a domain starting with a dot', 'zhang.san@.example.com'],
    ['a domain ending with a dot', 'zhang.san@example.com.'],
    ['a space inside', 'zhang san@example.com'],
    ['a display name', 'Zhang San <zhang.san@example.com>'],
    ['two addresses', 'a@example.com, b@example.com'],
    ['a phone number', '13800138000'],
  ])('gives no key for %s (%j)', (_label, raw) => {
    expect(emailKey(raw)).toBeUndefined();
  });
});

describe('emailKey properties', () => {
  const word = fc.string({
    unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'),
    minLength: 1,
    maxLength: 10,
  });
  const address = fc
    .tuple(word, fc.array(word, { minLength: 2, maxLength: 4 }))
    .map(([local, labels]) => `${local}@${labels.join('.')}`);

  it('case, width and surrounding spaces do not change the key', () => {
    const toFullWidth = (text: string) =>
      text.replace(/[!-~]/gu, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(address, fc.boolean(), fc.boolean(), (email, upper, wide) => {
        let written = upper ? email.toUpperCase() : email;
        written = wide ? toFullWidth(written) : written;
        expect(emailKey(` ${written}\u3000`)).toBe(email);
      }),
    );
  });

  it('a key is its own key', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.emailAddress()), (text) => {
        const key = emailKey(text);
        if (key !== undefined) expect(emailKey(key)).toBe(key);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { chineseTexts as zhCN, englishTexts as en } from './texts';

type Tree = { [key: string]: string | Tree };

/** Every leaf of a locale file as `path -> text`, e.g. `customers.fields.name -> Name`. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix + key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [inner, text] of leaves(value, `${path}.`)) out.set(inner, text);
  }
  return out;
}

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();

describe('locale files', () => {
  const english = leaves(en);
  const chinese = leaves(zhCN);

  it('have the same keys', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('have no empty texts', () => {
    const empty = [...english, ...chinese].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('use the same {{placeholders}} in both languages', () => {
    const mismatched = [...english].filter(([key, text]) => {
      const other = chinese.get(key);
      return other !== undefined && placeholders(other).join() !== placeholders(text).join();
    });
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  it('use the agreed Chinese terms', () => {
    expect(zhCN.nav).toMatchObject({
      customers: '客户',
      sales: '销售',
      insights: '洞察',
      warehouse: '仓库',
      settings: '设置',
    });
    expect(zhCN.kinds).toMatchObject({
      business: '企业客户',
      consumer: '个人客户',
      government: '政府/事业单位',
    });
    expect(zhCN.settings).toMatchObject({ users: '用户', apiKeys: 'API 密钥' });
  });
});

import { describe, expect, it } from 'vitest';
import type { OrderDocument } from './document.contract.js';
import { renderShippingLabelZpl, zplData, ZPL_CJK_FONT } from './shipping-label.zpl.js';

const order: OrderDocument = {
  orderId: '0190a1b2-0000-7000-8000-000000000001',
  externalRef: 'SO-20260301-0001',
  source: 'api',
  type: 'sales',
  priority: 'urgent',
  status: 'allocated',
  pushedAt: new Date('2026-03-01T02:00:00Z'),
  warehouseCode: 'HZ1',
  warehouseName: '杭州一号仓',
  warehouseTimeZone: 'Asia/Shanghai',
  carrier: 'SF 顺丰',
  destination: {
    province: '浙江省',
    city: '杭州市',
    district: '西湖区',
    address: '文三路 100 号 ^A_B~',
    store: '西湖店',
    contact: '王小明',
    phone: '13800000000',
  },
  recipientName: '西湖第一医院',
  note: null,
  pieces: 12,
  weightKg: 13.2,
  lines: [
    { lineNo: 1, sku: 'MILK-1L', itemName: '有机牛奶', unit: '箱', quantity: 12, allocated: 12, lots: [] },
  ],
  pickRows: [],
};

/** The fields of a ZPL label: each `^FO…^FS` with its commands and its field data unescaped. */
function fields(zpl: string): { commands: string; data: string }[] {
  return [...zpl.matchAll(/\^FO([^\n]*?)\^FS/g)].map((match) => {
    const body = match[1]!;
    const at = body.indexOf('^FD');
    const raw = at < 0 ? '' : body.slice(at + 3);
    const hex = body.includes('^FH');
    const data = hex
      ? raw.replace(/_([0-9A-F]{2})/g, (_, code: string) => String.fromCharCode(parseInt(code, 16)))
      : raw;
    return { commands: at < 0 ? body : body.slice(0, at), data };
  });
}

describe('renderShippingLabelZpl', () => {
  it('is one 100 × 150 mm label at 203 dpi in UTF-8 with Code128 of the reference and a QR of {id, ref}', () => {
    const zpl = renderShippingLabelZpl(order, 'zh-CN');
    const lines = zpl.trimEnd().split('\n');
    expect(lines.slice(0, 5)).toEqual(['^XA', '^CI28', '^PW800', '^LL1200', '^LH0,0']);
    expect(lines.at(-1)).toBe('^XZ');
    expect(zpl.match(/\^XA/g)).toHaveLength(1);
    expect(zpl.match(/\^XZ/g)).toHaveLength(1);
    const all = fields(zpl);
    const code128 = all.filter((field) => field.commands.includes('^BC'));
    expect(code128).toHaveLength(1);
    expect(code128[0]!.commands).toMatch(/\^BY3,3,160\^BCN,160,Y,N,N,A/);
    expect(code128[0]!.data).toBe('SO-20260301-0001');
    const qr = all.filter((field) => field.commands.includes('^BQ'));
    expect(qr).toHaveLength(1);
    expect(qr[0]!.commands).toContain('^BQN,2,6');
    expect(qr[0]!.data.slice(0, 3)).toBe('MA,');
    expect(JSON.parse(qr[0]!.data.slice(3))).toEqual({ id: order.orderId, ref: order.externalRef });
  });

  it('prints Chinese text with ^A@ in the printer CJK font, escapes ^ ~ _ in data, marks urgent orders', () => {
    const zpl = renderShippingLabelZpl(order, 'zh-CN');
    const texts = fields(zpl).filter((field) => field.commands.includes('^A@'));
    for (const field of texts) expect(field.commands).toContain(`^A@N,`);
    for (const field of texts) expect(field.commands).toContain(`,${ZPL_CJK_FONT}`);
    const data = texts.map((field) => field.data);
    expect(data).toEqual(
      expect.arrayContaining([
        'SF 顺丰',
        '加急',
        '西湖第一医院  王小明  13800000000',
        '浙江省 杭州市 西湖区 文三路 100 号 ^A_B~',
        '门店: 西湖店',
        '重量: 13.2 kg',
        '优先级: 加急',
      ]),
    );
    expect(zpl).not.toContain('^A_B~');
    expect(zpl).toContain('文三路 100 号 _5EA_5FB_7E');
    // The urgent mark: a filled box with the word printed reversed.
    expect(zpl).toMatch(/\^GB180,70,70\^FS/);
    expect(texts.find((field) => field.data === '加急')!.commands).toContain('^FR');
    const normal = renderShippingLabelZpl({ ...order, priority: 'normal', weightKg: null }, 'en');
    expect(normal).not.toMatch(/\^GB180,70,70/);
    expect(fields(normal).map((field) => field.data)).toEqual(
      expect.arrayContaining(['Weight: —', 'Priority: Normal', 'Store: 西湖店']),
    );
  });

  it('takes another printer font and narrows the barcode for long references', () => {
    const zpl = renderShippingLabelZpl(
      { ...order, externalRef: 'VERY-LONG-UPSTREAM-REFERENCE-2026-000001' },
      'zh-CN',
      { cjkFont: 'E:NOTOSANSSC.TTF' },
    );
    expect(zpl).toContain('^A@N,56,56,E:NOTOSANSSC.TTF');
    expect(zpl).not.toContain(ZPL_CJK_FONT);
    expect(zpl).toContain('^BY2,3,160^BCN');
    expect(zplData('a^b')).toBe('^FH^FDa_5Eb^FS');
  });
});

/**
 * Every document printed with the longest values the API accepts: no text prints over other text,
 * and the shipping label stays one label.
 */
import { describe, expect, it } from 'vitest';
import { overlappingText, textBoxes } from '../../../../test/helpers/pdf.js';
import type { DocumentLang, OrderDocument } from './document.contract.js';
import { renderPackingSlip } from './packing-slip.pdf.js';
import { renderPickList } from './pick-list.pdf.js';
import { renderShippingLabel } from './shipping-label.pdf.js';

const long = (unit: string, length: number): string =>
  unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** An order whose every printed field is as long as the API lets it be (limits of order.contract.ts, catalog.contract.ts). */
function longestOrder(lines: number): OrderDocument {
  const docLines = Array.from({ length: lines }, (_, i) => ({
    lineNo: i + 1,
    sku: long(`SKU-${i}-`, 64),
    itemName: long('进口新西兰全脂高钙奶粉礼盒装', 200),
    unit: long('箱', 20),
    quantity: 10_000_000,
    allocated: 10_000_000,
    lots: [{ lotNumber: long('LOT-2026-', 64), quantity: 10_000_000 }],
  }));
  return {
    orderId: '0190c9a8-0000-7000-8000-0000000000aa',
    externalRef: long('SO-20261207-', 100),
    source: long('shop', 64),
    type: 'sales',
    priority: 'urgent',
    status: 'allocated',
    pushedAt: new Date('2026-12-07T01:02:03Z'),
    warehouseCode: long('WH-HZ-', 40),
    warehouseName: long('杭州萧山一号冷链仓', 200),
    warehouseTimeZone: 'Asia/Shanghai',
    carrier: long('顺丰速运冷链', 64),
    destination: {
      province: long('内蒙古自治区', 50),
      city: long('呼和浩特市', 50),
      district: long('赛罕区', 50),
      address: long('敕勒川大街东方君座写字楼', 300),
      store: long('万达广场旗舰店', 100),
      contact: long('欧阳', 100),
      phone: long('+86 138 0013 8000 ', 40),
    },
    recipientName: long('内蒙古蒙牛乳业集团股份有限公司', 200),
    note: long('请在工作日送达，', 1000),
    pieces: 10_000_000,
    weightKg: 99_999.999,
    lines: docLines,
    pickRows: docLines.map((line) => ({
      lineNo: line.lineNo,
      locationCode: long('A-01-01-', 40),
      sku: line.sku,
      itemName: line.itemName,
      unit: line.unit,
      lotNumber: line.lots[0]!.lotNumber,
      expiryDate: '2027-12-31',
      quantity: 10_000_000,
      status: 'active' as const,
    })),
  };
}

const documents = [
  ['shipping label', renderShippingLabel],
  ['packing slip', renderPackingSlip],
  ['pick list', renderPickList],
] as const;
const LANGS: DocumentLang[] = ['zh-CN', 'en'];

describe('documents with the longest values', () => {
  for (const [name, render] of documents)
    for (const lang of LANGS)
      it(`${name} (${lang}) prints no text over other text`, async () => {
        const { boxes } = await textBoxes(await render(longestOrder(3), lang));
        expect(overlappingText(boxes)).toEqual([]);
      });

  it('keeps the shipping label on one label, the reference whole', async () => {
    const order = longestOrder(1);
    const { boxes, pages } = await textBoxes(await renderShippingLabel(order, 'en'));
    expect(pages).toBe(1);
    expect(boxes.map((b) => b.text).join('')).toContain(order.externalRef.slice(0, 40));
  });

  it('prints every item name whole on the pick list, however long', async () => {
    const order = longestOrder(3);
    const { boxes } = await textBoxes(await renderPickList(order, 'zh-CN'));
    const printed = boxes
      .map((box) => box.text)
      .join('')
      .replace(/\s+/g, '');
    for (const row of order.pickRows) expect(printed).toContain(row.itemName);
  });
});

describe("the warehouse's time zone", () => {
  for (const [timeZone, shown] of [
    ['Asia/Shanghai', '2026-12-07 09:02 GMT+8'],
    ['Europe/Berlin', '2026-12-07 02:02 GMT+1'],
  ] as const)
    it(`prints the push time in ${timeZone}, with its offset, on the pick list and packing slip`, async () => {
      const order = { ...longestOrder(1), warehouseTimeZone: timeZone };
      for (const render of [renderPickList, renderPackingSlip]) {
        const { boxes } = await textBoxes(await render(order, 'en'));
        expect(boxes.map((box) => box.text).join(' ')).toContain(shown);
      }
    });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { makeTenant, makeUser, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { inspectPdf } from '../../../../test/helpers/pdf.js';
import { signInCookie, useTestApp } from '../../../../test/helpers/server.js';
import { systemClock } from '../../../platform/clock.js';
import { newId } from '../../../platform/ids.js';
import { createCustomer } from '../../crm/index.js';
import { makeItem, makeLot, makeOrder, makeWarehouse, stockUp } from './document-fixtures.test-helper.js';

const t = useTestApp();

const REF = 'SO-20260301-0001';

/** Tenant A with a warehouse, stock in three locations, a customer and an urgent order holding stock. */
async function setup() {
  const db = t.database.db;
  const { tenant, admin } = await makeTenant(db);
  const warehouse = await makeWarehouse(db, tenant.id, {
    code: 'HZ1',
    name: '杭州一号仓',
    locations: { 'B-01-03-2': 20, 'A-01-01-1': 1, 'A-02-05-1': 7 },
  });
  const milk = await makeItem(db, tenant.id, { sku: 'MILK-1L', name: '有机牛奶', weightKg: 1.05 });
  const yogurt = await makeItem(db, tenant.id, {
    sku: 'YOG-200',
    name: '草莓酸奶',
    unit: '杯',
    weightKg: 0.2,
  });
  const lotA = await makeLot(db, tenant.id, milk, 'L2026A', '2026-05-01');
  const lotB = await makeLot(db, tenant.id, milk, 'L2026B', '2026-06-15');
  const milkFar = await stockUp(db, tenant.id, warehouse, 'B-01-03-2', milk, lotA, 10);
  const milkNear = await stockUp(db, tenant.id, warehouse, 'A-01-01-1', milk, lotB, 5);
  const yogurtMid = await stockUp(db, tenant.id, warehouse, 'A-02-05-1', yogurt, null, 20);
  const customer = await createCustomer({ db, clock: systemClock }, admin.actor, {
    kind: 'business',
    name: '西湖第一医院',
  });
  const destination = {
    province: '浙江省',
    city: '杭州市',
    district: '西湖区',
    address: '文三路 100 号',
    store: '西湖店',
    contact: '王小明',
    phone: '13800000000',
  };
  const orderId = await makeOrder(
    db,
    tenant.id,
    {
      warehouseId: warehouse.id,
      externalRef: REF,
      priority: 'urgent',
      carrier: 'SF 顺丰',
      customerId: customer.id,
      destination,
    },
    [
      { itemId: milk, quantity: 12 },
      { itemId: yogurt, quantity: 3 },
    ],
    [
      { lineNo: 1, stockId: milkFar, quantity: 7 },
      { lineNo: 1, stockId: milkNear, quantity: 5 },
      { lineNo: 2, stockId: yogurtMid, quantity: 3 },
      { lineNo: 2, stockId: yogurtMid, quantity: 9, status: 'released' },
    ],
  );
  const bare = await makeOrder(
    db,
    tenant.id,
    { warehouseId: warehouse.id, externalRef: 'SO-EMPTY-1', destination: { province: '江苏省' } },
    [{ itemId: yogurt, quantity: 4 }],
  );
  const cookie = await signInCookie(t.app, admin.email, TEST_PASSWORD);
  const get = (url: string, as = cookie) => t.app.inject({ method: 'GET', url, headers: { cookie: as } });
  return { tenant, orderId, bare, get };
}

let s: Awaited<ReturnType<typeof setup>>;
beforeAll(async () => {
  s = await setup();
});

describe('outbound documents API', () => {
  it('prints the pick list in walking order with Chinese text, the CJK font embedded and readable barcodes', async () => {
    const response = await s.get(`/api/outbound-orders/${s.orderId}/pick-list.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`inline; filename="${REF}-pick-list.pdf"`);
    const bytes = response.rawPayload;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = bytes.toString('latin1');
    expect(raw).toContain('/FontFile2');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
    // A subset, not the 10 MB font.
    expect(bytes.length).toBeLessThan(300_000);
    const { text, barcodes } = await inspectPdf(bytes);
    for (const expected of [
      '拣货单',
      REF,
      'HZ1 杭州一号仓',
      '加急',
      '有机牛奶',
      '草莓酸奶',
      'L2026A',
      '2026-05-01',
    ]) {
      expect(text).toContain(expected);
    }
    const order = ['A-01-01-1', 'A-02-05-1', 'B-01-03-2'].map((code) => text.indexOf(code));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The released reservation of 9 is not listed; the total is 7 + 5 + 3.
    expect(text).not.toMatch(/^9$/m);
    expect(text).toContain('合计: 15');
    expect(barcodes.filter((code) => code.format === 'CODE_128').map((code) => code.text)).toEqual([
      REF,
      'A-01-01-1',
      'A-02-05-1',
      'B-01-03-2',
    ]);
    const qr = barcodes.filter((code) => code.format === 'QR_CODE');
    expect(qr).toHaveLength(1);
    expect(JSON.parse(qr[0]!.text)).toEqual({ id: s.orderId, ref: REF });
  });

  it('prints the packing slip with the customer, the full destination, the carrier and the lots', async () => {
    const response = await s.get(`/api/outbound-orders/${s.orderId}/packing-slip.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe(`inline; filename="${REF}-packing-slip.pdf"`);
    const { text, barcodes } = await inspectPdf(response.rawPayload);
    for (const expected of [
      '装箱单',
      '西湖第一医院',
      '浙江省 杭州市 西湖区 文三路 100 号',
      '西湖店',
      '王小明',
      '13800000000',
      'SF 顺丰',
      '有机牛奶',
      'MILK-1L',
      'L2026A ×7, L2026B ×5',
    ]) {
      expect(text).toContain(expected);
    }
    expect(barcodes).toEqual([
      { format: 'QR_CODE', text: JSON.stringify({ id: s.orderId, ref: REF }) },
      { format: 'CODE_128', text: REF },
    ]);
  });

  it('prints a 100 × 150 mm label with carrier, urgent mark, destination, weight and barcodes', async () => {
    const response = await s.get(`/api/outbound-orders/${s.orderId}/shipping-label.pdf`);
    expect(response.statusCode).toBe(200);
    const { text, barcodes, sizes } = await inspectPdf(response.rawPayload);
    expect(sizes).toHaveLength(1);
    expect(sizes[0]![2]).toBeCloseTo((100 * 72) / 25.4, 1);
    expect(sizes[0]![3]).toBeCloseTo((150 * 72) / 25.4, 1);
    for (const expected of ['SF 顺丰', '加急', '浙江省 杭州市 西湖区', '西湖第一医院', '13.2 kg', REF]) {
      expect(text).toContain(expected);
    }
    expect(barcodes.map((code) => code.text).sort()).toEqual(
      [REF, JSON.stringify({ id: s.orderId, ref: REF })].sort(),
    );
  });

  it('prints English labels with ?lang=en and keeps the data as stored', async () => {
    const pick = await inspectPdf(
      (await s.get(`/api/outbound-orders/${s.orderId}/pick-list.pdf?lang=en`)).rawPayload,
    );
    for (const expected of ['Pick list', 'Location', 'Expiry', 'URGENT', '有机牛奶', 'Total: 15']) {
      expect(pick.text).toContain(expected);
    }
    expect(pick.text).not.toContain('拣货单');
    const label = await inspectPdf(
      (await s.get(`/api/outbound-orders/${s.orderId}/shipping-label.pdf?lang=en`)).rawPayload,
    );
    expect(label.text).toContain('Weight: 13.2 kg');
    expect((await s.get(`/api/outbound-orders/${s.orderId}/pick-list.pdf?lang=fr`)).statusCode).toBe(400);
  });

  it('says nothing is allocated on the pick list of an order without reservations; slip and label still print', async () => {
    const pick = await s.get(`/api/outbound-orders/${s.bare}/pick-list.pdf`);
    expect(pick.statusCode).toBe(200);
    const { text, barcodes } = await inspectPdf(pick.rawPayload);
    expect(text).toContain('尚未分配库存');
    expect(barcodes.map((code) => code.text)).toContain('SO-EMPTY-1');
    const slip = await inspectPdf(
      (await s.get(`/api/outbound-orders/${s.bare}/packing-slip.pdf`)).rawPayload,
    );
    expect(slip.text).toContain('江苏省');
    expect(slip.text).toContain('草莓酸奶');
    const label = await s.get(`/api/outbound-orders/${s.bare}/shipping-label.pdf`);
    expect(label.statusCode).toBe(200);
    expect((await inspectPdf(label.rawPayload)).text).not.toContain('加急');
  });

  it('serves the label as ZPL text', async () => {
    const response = await s.get(`/api/outbound-orders/${s.orderId}/shipping-label.zpl`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`inline; filename="${REF}-shipping-label.zpl"`);
    expect(response.body.startsWith('^XA\n^CI28\n')).toBe(true);
    expect(response.body).toContain(`^BCN,160,Y,N,N,A^FH^FD${REF}^FS`);
    expect(response.body).toContain('浙江省 杭州市 西湖区 文三路 100 号');
  });

  it('answers 404 for unknown orders and orders of another tenant, 400 for a bad id, 403 without warehouse.read', async () => {
    for (const path of ['pick-list.pdf', 'packing-slip.pdf', 'shipping-label.pdf', 'shipping-label.zpl']) {
      const unknown = await s.get(`/api/outbound-orders/${newId()}/${path}`);
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toMatchObject({ code: 'warehouse.order.not_found' });
    }
    const other = await makeTenant(t.database.db);
    const otherCookie = await signInCookie(t.app, other.admin.email, TEST_PASSWORD);
    expect((await s.get(`/api/outbound-orders/${s.orderId}/pick-list.pdf`, otherCookie)).statusCode).toBe(
      404,
    );
    expect((await s.get('/api/outbound-orders/not-a-uuid/pick-list.pdf')).statusCode).toBe(400);
    const picker = await makeUser(t.database.db, s.tenant, 'picker');
    const pickerCookie = await signInCookie(t.app, picker.email, TEST_PASSWORD);
    expect((await s.get(`/api/outbound-orders/${s.orderId}/pick-list.pdf`, pickerCookie)).statusCode).toBe(
      200,
    );
    const marketer = await makeUser(t.database.db, s.tenant, 'marketer');
    const marketerCookie = await signInCookie(t.app, marketer.email, TEST_PASSWORD);
    expect((await s.get(`/api/outbound-orders/${s.orderId}/pick-list.pdf`, marketerCookie)).statusCode).toBe(
      403,
    );
  });
});

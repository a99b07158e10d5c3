/**
 * A warehouse manager's day, as the demo administrator: seed through the API a warehouse, locations, a
 * supplier, an item received in two lots of different production dates, an SVIP customer and an urgent
 * sales order for them, and allocate it. Then in the browser: the order pool lists the order urgent
 * first; the order page shows the allocation result with the old lot rejected as too old for SVIP and
 * the fresh lot chosen by FIFO; the stock page shows the reserved units; the ledger shows the allocation
 * move, linked by the order's reference; "allocate pool" reports per order; a shipped order shows what
 * each line was allocated and shipped; the supplier scorecard, locations and tier rules show; in Chinese.
 */
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeJourney, hasChromium, openJourney, signIn, snap, type Journey } from './browser.js';
import { DAY_MS } from '../src/platform/clock.js';

type Created = { id: string };
type Allocation = {
  status: string;
  lines: { candidates: { lotNumber: string | null; decision: string; rule: string }[] }[];
};

/** POSTs JSON as the signed-in user and returns the parsed answer; fails the test on an error status. */
async function post<T>(request: APIRequestContext, url: string, body: unknown = {}): Promise<T> {
  const response = await request.post(url, { data: body });
  if (!response.ok()) throw new Error(`POST ${url} -> ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

const daysAgo = (days: number): Date => new Date(Date.now() - days * DAY_MS);
const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

describe.skipIf(!hasChromium)('warehouse journey in the browser', () => {
  let server: Journey['server'];
  let browser: Browser;
  let page: Page;
  const run = Date.now().toString(36).toUpperCase();
  const warehouseCode = `E2E-${run}`;
  const sku = `E2E-MILK-${run}`;
  const oldLot = `OLD-${run}`;
  const freshLot = `NEW-${run}`;
  const orderRef = `SO-E2E-${run}`;
  const laterRef = `SO-E2E-${run}-LOW`;
  let orderId = '';
  let laterId = '';

  beforeAll(async () => {
    ({ server, browser, page } = await openJourney());
  });
  afterAll(async () => closeJourney({ server, browser }));

  it('opens the warehouse from the navigation after signing in', async () => {
    await page.goto(`${server.url}/warehouse`);
    await page.waitForURL(/\/sign-in/);
    await signIn(page);
    await page.waitForURL(/\/warehouse\/stock/);
    await page.getByTestId('warehouse-tab-orders').waitFor();
    expect(await page.getByTestId('nav-warehouse').getAttribute('data-active')).toBe('true');
  });

  it('seeds a warehouse, two lots, an SVIP customer and an urgent order through the API', async () => {
    const api = page.request;
    const url = server.url;
    const warehouse = await post<Created>(api, `${url}/api/warehouses`, {
      code: warehouseCode,
      name: 'E2E 上海测试仓',
      allocationStrategy: 'fifo',
    });
    for (const code of ['A-01-01-1', 'A-01-02-1', 'A-02-01-1'])
      await post(api, `${url}/api/warehouses/${warehouse.id}/locations`, { code });
    await post(api, `${url}/api/suppliers`, { code: `SUP-E2E-${run}`, name: `E2E 光明牧场 ${run}` });
    await post(api, `${url}/api/items`, {
      sku,
      name: 'E2E 鲜牛奶 1L',
      unit: 'box',
      supplierCode: `SUP-E2E-${run}`,
    });
    // The old lot arrived first, so FIFO alone would take it; SVIP's three-month limit must refuse it.
    await post(api, `${url}/api/warehouses/${warehouse.id}/receipts`, {
      supplierCode: `SUP-E2E-${run}`,
      reference: `ASN-${run}-1`,
      receivedAt: daysAgo(140).toISOString(),
      lines: [
        {
          sku,
          quantity: 20,
          putawayTo: 'A-01-01-1',
          lot: {
            lotNumber: oldLot,
            productionDate: isoDay(daysAgo(150)),
            expiryDate: isoDay(daysAgo(-200)),
          },
        },
      ],
    });
    await post(api, `${url}/api/warehouses/${warehouse.id}/receipts`, {
      supplierCode: `SUP-E2E-${run}`,
      reference: `ASN-${run}-2`,
      receivedAt: daysAgo(20).toISOString(),
      lines: [
        {
          sku,
          quantity: 20,
          putawayTo: 'A-02-01-1',
          lot: {
            lotNumber: freshLot,
            productionDate: isoDay(daysAgo(25)),
            expiryDate: isoDay(daysAgo(-20)),
          },
        },
      ],
    });
    const customer = await post<Created>(api, `${url}/api/customers`, {
      kind: 'consumer',
      name: `E2E 王女士 ${run}`,
      valueTier: 'svip',
      allowDuplicate: true,
    });
    const order = await post<Created>(api, `${url}/api/outbound-orders`, {
      warehouse: warehouseCode,
      externalRef: orderRef,
      type: 'sales',
      priority: 'urgent',
      carrier: '顺丰速运',
      destination: { province: '上海市', city: '上海市', district: '浦东新区', store: '陆家嘴店' },
      customerId: customer.id,
      lines: [{ sku, quantity: 5 }],
    });
    orderId = order.id;
    // A later, low-priority order stays in the pool for "allocate pool".
    ({ id: laterId } = await post<Created>(api, `${url}/api/outbound-orders`, {
      warehouse: warehouseCode,
      externalRef: laterRef,
      type: 'requisition',
      priority: 'low',
      destination: { province: '浙江省', city: '杭州市', store: '西湖店' },
      lines: [{ sku, quantity: 3 }],
    }));
    const result = await post<Allocation>(api, `${url}/api/outbound-orders/${orderId}/allocate`);
    expect(result.status).toBe('allocated');
    const candidates = result.lines[0]?.candidates ?? [];
    expect(candidates.find((c) => c.lotNumber === oldLot)).toMatchObject({
      decision: 'rejected',
      rule: 'too_old_for_tier',
    });
    expect(candidates.find((c) => c.lotNumber === freshLot)).toMatchObject({ decision: 'chosen' });
  });

  it('lists the order in the pool, urgent first, with its badges', async () => {
    await page.goto(`${server.url}/warehouse/orders?q=${orderRef}`);
    const rows = page.getByTestId('order-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).getAttribute('data-ref')).toBe(orderRef);
    expect(await rows.nth(1).getAttribute('data-ref')).toBe(laterRef);
    const row = rows.nth(0);
    expect(await row.getByTestId('order-priority').textContent()).toBe('Urgent');
    expect(await row.getByTestId('order-status').textContent()).toBe('Allocated');
    expect(await row.textContent()).toContain('上海市');
    expect(await row.textContent()).toContain(`E2E 王女士 ${run}`);
    await snap(page, 'warehouse-01-order-pool');
  });

  it('shows the allocation result with the rule that chose or rejected each lot', async () => {
    await page.getByTestId('order-link').first().click();
    await page.waitForURL(new RegExp(`/warehouse/orders/${orderId}$`));
    const result = page.getByTestId('allocation-result');
    await result.waitFor();
    expect(await page.getByTestId('order-ref').textContent()).toBe(orderRef);
    expect(await page.getByTestId('order-detail').textContent()).toMatch(/GMT\+8/); // the warehouse's clock
    const rejected = result.locator(`[data-testid="candidate"][data-lot="${oldLot}"]`);
    expect(await rejected.getAttribute('data-decision')).toBe('rejected');
    const rule = await rejected.getByTestId('candidate-rule').textContent();
    expect(rule).toContain('Too old for SVIP');
    expect(rule).toContain(`produced ${isoDay(daysAgo(150))}`);
    expect(rule).toContain('limit 3 months');
    const chosen = result.locator(`[data-testid="candidate"][data-lot="${freshLot}"]`);
    expect(await chosen.getAttribute('data-decision')).toBe('chosen');
    expect(await chosen.getByTestId('candidate-rule').textContent()).toContain('FIFO: earliest putaway');
    expect(await page.getByTestId('allocation-rules').textContent()).toContain(
      'SVIP: produced within 3 months',
    );
    await expect.poll(() => page.getByTestId('reservation-row').count()).toBe(1);
    await expect.poll(() => page.getByTestId('allocation-history-item').count()).toBe(1);
    expect(await page.getByTestId('document-pickList').getAttribute('href')).toBe(
      `/api/outbound-orders/${orderId}/pick-list.pdf?lang=en`,
    );
    await snap(page, 'warehouse-02-order-allocation');
  });

  it('shows the reserved units on the stock page', async () => {
    await page.goto(`${server.url}/warehouse/stock?q=${sku}`);
    const fresh = page.locator(`[data-testid="stock-row"][data-lot="${freshLot}"]`);
    await fresh.waitFor();
    expect(await fresh.getByTestId('stock-reserved').textContent()).toBe('5');
    expect(await fresh.getByTestId('stock-available').textContent()).toBe('15');
    const old = page.locator(`[data-testid="stock-row"][data-lot="${oldLot}"]`);
    expect(await old.getByTestId('stock-reserved').textContent()).toBe('0');
    // The fresh lot expires within 30 days and is flagged.
    await fresh.getByTestId('expiry-soon').waitFor();
    await snap(page, 'warehouse-03-stock');
  });

  it('shows the allocation move in the ledger and links it to the order', async () => {
    await page.goto(`${server.url}/warehouse/ledger?orderId=${orderId}`);
    await page.getByTestId('filter-order').waitFor();
    const moves = page.getByTestId('move-row');
    await moves.first().waitFor();
    expect(await moves.first().getAttribute('data-kind')).toBe('allocation');
    expect(await moves.first().textContent()).toContain(freshLot);
    await page.goto(`${server.url}/warehouse/ledger?location=A-01-01-1`);
    // A receipt with a putaway location lands on the receiving dock and is put away from there.
    const putaway = page.locator(`[data-testid="move-row"][data-kind="putaway"][data-sku="${sku}"]`);
    await putaway.waitFor();
    expect(await putaway.textContent()).toContain('RECV → A-01-01-1');
    await snap(page, 'warehouse-04-ledger');
    await page.goto(`${server.url}/warehouse/ledger?orderId=${orderId}`);
    expect(await page.getByTestId('move-order-link').first().textContent()).toBe(`${orderRef} · line 1`);
    await page.getByTestId('move-order-link').first().click();
    await page.waitForURL(new RegExp(`/warehouse/orders/${orderId}$`));
  });

  it('allocates the pool and reports every order', async () => {
    await page.goto(`${server.url}/warehouse/orders`);
    await page.getByTestId('allocate-pool').click();
    const report = page.getByTestId('pool-report');
    await report.waitFor({ timeout: 60_000 });
    const row = report.getByTestId('pool-report-row').filter({ hasText: laterRef });
    await expect.poll(() => row.textContent()).toContain('Allocated');
    await snap(page, 'warehouse-05-pool-report');
    await page.keyboard.press('Escape');
  });

  it('shows a shipped order with what each line was allocated and shipped', async () => {
    await post(page.request, `${server.url}/api/outbound-orders/${laterId}/ship`);
    await page.goto(`${server.url}/warehouse/orders/${laterId}`);
    const line = page.getByTestId('order-line').first();
    expect(await line.getByTestId('line-allocated').textContent()).toBe('3');
    expect(await line.getByTestId('line-shipped').textContent()).toBe('3');
    await expect.poll(() => page.getByTestId('reservation-row').getAttribute('data-status')).toBe('picked');
  });

  it('renders the supplier scorecard with its monthly trend', async () => {
    await page.goto(`${server.url}/warehouse/suppliers`);
    await page.locator(`[data-testid="scorecard-row"][data-code="SUP-E2E-${run}"]`).waitFor();
    await page.getByTestId('scorecard-chart').locator('svg').first().waitFor();
    await snap(page, 'warehouse-06-scorecard');
  });

  it('lists the warehouse with its locations along the picking path, and the tier rules', async () => {
    await page.goto(`${server.url}/warehouse/warehouses`);
    await page.locator(`[data-testid="warehouse-row"][data-code="${warehouseCode}"]`).click();
    const codes = page.getByTestId('locations-table').getByTestId('location-row');
    await expect
      .poll(async () => Promise.all((await codes.all()).map((row) => row.getAttribute('data-code'))))
      .toEqual(['A-01-01-1', 'A-01-02-1', 'A-02-01-1', 'RECV', 'SHIP']);
    await page.getByTestId('warehouse-import').waitFor();
    await snap(page, 'warehouse-07-warehouses');
    await page.getByTestId('warehouse-tab-settings').click();
    await page.waitForURL(/\/warehouse\/settings$/);
    await expect.poll(() => page.getByTestId('age-svip').inputValue()).toBe('3 months');
    expect(await page.getByTestId('age-vip').inputValue()).toBe('6 months');
    await snap(page, 'warehouse-08-rules');
  });

  it('speaks Chinese after switching the language', async () => {
    await page.goto(`${server.url}/warehouse/orders/${orderId}`);
    await page.getByTestId('allocation-result').waitFor();
    await page.getByTestId('language-switch').getByText('中文').click();
    await expect.poll(() => page.getByTestId('warehouse-tab-orders').textContent()).toBe('订单池');
    expect(await page.getByTestId('warehouse-tab-stock').textContent()).toBe('库存');
    expect(await page.getByTestId('warehouse-tab-ledger').textContent()).toBe('台账');
    expect(await page.getByTestId('order-priority').first().textContent()).toBe('紧急');
    const rule = page.locator(`[data-lot="${oldLot}"] [data-testid="candidate-rule"]`);
    await expect.poll(() => rule.textContent()).toContain('库龄过长');
    await snap(page, 'warehouse-09-order-zh');
    await page.getByTestId('warehouse-tab-stock').click();
    await page.waitForURL(/\/warehouse\/stock/);
    await page.getByText('生产日期').first().waitFor();
    await snap(page, 'warehouse-10-stock-zh');
    await page.getByTestId('language-switch').getByText('English').click();
  });

  it('fits a phone without sideways scrolling', async () => {
    const phone = await browser.newContext({
      locale: 'en-US',
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    const small = await phone.newPage();
    small.setDefaultTimeout(20_000);
    await small.goto(`${server.url}/sign-in?redirect=/warehouse/orders/${orderId}`);
    await signIn(small);
    await small.getByTestId('allocation-result').waitFor();
    expect(await small.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await snap(small, 'warehouse-11-phone-order');
    await small.getByTestId('warehouse-tab-stock').click();
    await small.getByTestId('stock-table').waitFor();
    expect(await small.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await phone.close();
  });
});

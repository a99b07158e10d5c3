/**
 * A seller's deal, as the demo administrator: seed through the API a warehouse item, a stocked product
 * and a business customer with a deal of two lines' worth. Then in the browser: the board shows the
 * deal in the first stage with the column's totals; dragging the card onto the next column moves the
 * deal there (the server agrees); "win" on the card wins it; the deal page shows the lines, the
 * probability, the stage history and the order the win put into the warehouse's pool, whose page opens;
 * a quote sent from the deal page lists its version and its PDF opens.
 * Screenshots of the board and the deal page at desktop and phone width.
 */
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeJourney, hasChromium, openJourney, signIn, snap, type Journey } from './browser.js';

type Created = { id: string };
type Stage = { id: string; key: string; position: number; won: boolean; lost: boolean };
type Pipeline = { id: string; customerKind: string; isDefault: boolean; stages: Stage[] };
type Deal = { id: string; stageId: string; outcome: string; pipelineId: string; orders: { id: string }[] };

async function call<T>(request: APIRequestContext, method: 'GET' | 'POST', url: string, body?: unknown) {
  const response = method === 'GET' ? await request.get(url) : await request.post(url, { data: body ?? {} });
  if (!response.ok()) throw new Error(`${method} ${url} -> ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

describe.skipIf(!hasChromium)('sales board journey in the browser', () => {
  let server: Journey['server'];
  let browser: Browser;
  let page: Page;
  const run = Date.now().toString(36).toUpperCase();
  let deal: Deal;
  let stages: Stage[] = [];

  beforeAll(async () => {
    ({ server, browser, page } = await openJourney());
  });
  afterAll(async () => closeJourney({ server, browser }));

  it('opens the board from the navigation after signing in', async () => {
    await page.goto(`${server.url}/sales`);
    await page.waitForURL(/\/sign-in/);
    await signIn(page);
    await page.waitForURL(/\/sales/);
    await page.getByTestId('sales-board').waitFor();
    expect(await page.getByTestId('nav-sales').getAttribute('data-active')).toBe('true');
  });

  it('seeds a stocked product, a customer and a deal with lines through the API', async () => {
    const api = page.request;
    const url = server.url;
    const sku = `E2E-RT-${run}`;
    await call(api, 'POST', `${url}/api/warehouses`, { code: `E2S-${run}`, name: 'E2E 销售仓' });
    await call(api, 'POST', `${url}/api/items`, { sku, name: 'E2E 路由器' });
    const product = await call<Created>(api, 'POST', `${url}/api/products`, {
      name: `E2E 路由器 ${run}`,
      kind: 'stocked',
      sku,
      price: { amount: 199_900, currency: 'CNY' },
    });
    const customer = await call<Created>(api, 'POST', `${url}/api/customers`, {
      kind: 'business',
      name: `E2E 星河科技 ${run}`,
    });
    deal = await call<Deal>(api, 'POST', `${url}/api/deals`, {
      customerId: customer.id,
      name: `E2E 路由器升级 ${run}`,
      lines: [{ productId: product.id, quantity: 3 }],
    });
    const pipelines = await call<{ items: Pipeline[] }>(api, 'GET', `${url}/api/pipelines`);
    const pipeline = pipelines.items.find((p) => p.id === deal.pipelineId);
    expect(pipeline).toMatchObject({ customerKind: 'business', isDefault: true });
    stages = [...pipeline!.stages].sort((a, b) => a.position - b.position);
    expect(deal.stageId).toBe(stages[0]!.id);
  });

  it('shows the deal in its stage and moves it to the next one by drag and drop', async () => {
    await page.goto(`${server.url}/sales`);
    const card = page.locator(`[data-testid="deal-card"][data-deal-id="${deal.id}"]`);
    const first = page.locator(`[data-testid="board-column"][data-stage-id="${stages[0]!.id}"]`);
    const next = page.locator(`[data-testid="board-column"][data-stage-id="${stages[1]!.id}"]`);
    await first.locator(`[data-deal-id="${deal.id}"]`).waitFor();
    expect(await first.getByTestId('column-totals').textContent()).toMatch(/Total .*weighted/);
    const from = (await card.boundingBox())!;
    const to = (await next.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + 12);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 20, from.y + 20, { steps: 5 });
    await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 15 });
    await page.mouse.up();
    await next.locator(`[data-deal-id="${deal.id}"]`).waitFor();
    await expect
      .poll(async () => (await call<Deal>(page.request, 'GET', `${server.url}/api/deals/${deal.id}`)).stageId)
      .toBe(stages[1]!.id);
    await snap(page, 'sales-board');
  });

  it('wins the deal from its card and shows its order on the deal page', async () => {
    const card = page.locator(`[data-testid="deal-card"][data-deal-id="${deal.id}"]`);
    await card.getByTestId('card-win').click();
    const won = stages.find((s) => s.won)!;
    await page.locator(`[data-stage-id="${won.id}"] [data-deal-id="${deal.id}"]`).waitFor();
    await card.getByRole('link').click();
    await page.waitForURL(new RegExp(`/sales/deals/${deal.id}`));
    await page.locator('[data-testid="deal-detail"][data-outcome="won"]').waitFor();
    // Lines come with the deal; the history is its own request: wait for each before counting.
    await page.getByTestId('lines-table').locator('tbody tr').first().waitFor();
    expect(await page.getByTestId('lines-table').locator('tbody tr').count()).toBe(1);
    await page.getByTestId('deal-probability').waitFor();
    await page.getByTestId('history-item').nth(2).waitFor();
    expect(await page.getByTestId('history-item').count()).toBeGreaterThanOrEqual(3);
    const order = page.getByTestId('deal-order');
    await order.waitFor();
    await snap(page, 'sales-deal');
    await order.getByRole('link').click();
    await page.waitForURL(/\/warehouse\/orders\//);
    await page.getByTestId('order-detail').waitFor();
    const pool = await call<{ items: { id: string; externalRef: string }[] }>(
      page.request,
      'GET',
      `${server.url}/api/outbound-orders?origin=deal`,
    );
    expect(pool.items.filter((o) => o.externalRef === deal.id)).toHaveLength(1);
  });

  it('sends a quote from the deal page and opens its PDF', async () => {
    await page.goto(`${server.url}/sales/deals/${deal.id}`);
    const card = page.getByTestId('deal-quotes');
    await card.waitFor();
    await card.getByText('中文').click();
    await card.getByTestId('new-quote').click();
    const row = card.locator('[data-testid="quote-row"][data-version="1"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('中文');
    const href = await row.getByTestId('quote-pdf').getAttribute('href');
    expect(href).toBe(`/api/deals/${deal.id}/quotes/1/pdf`);
    const pdf = await page.request.get(`${server.url}${href}`);
    expect([pdf.status(), pdf.headers()['content-type']]).toEqual([200, 'application/pdf']);
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('lays the board and the deal page out for a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/sales`);
    await page.locator(`[data-deal-id="${deal.id}"]`).waitFor();
    const scroll = page.getByTestId('board-scroll');
    expect(
      await scroll.evaluate(
        (el: { scrollWidth: number; clientWidth: number }) => el.scrollWidth > el.clientWidth,
      ),
    ).toBe(true);
    await snap(page, 'sales-board-phone');
    await page.goto(`${server.url}/sales/deals/${deal.id}`);
    await page.getByTestId('deal-stage-name').waitFor();
    await snap(page, 'sales-deal-phone');
    await page.setViewportSize({ width: 1280, height: 860 });
  });
});

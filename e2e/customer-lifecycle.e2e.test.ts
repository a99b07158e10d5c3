/**
 * A customer's account lifecycle, as the demo administrator: seed a business customer and a deal
 * through the API (the deal gives the customer its first contact). In the browser the customer page's
 * lifecycle card shows the four steps with first contact current and the deal in its history; moving
 * the customer to "in use" by hand with a note shows the move at the top of the history, and the server
 * agrees. Screenshots at desktop and phone width.
 */
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeJourney, hasChromium, openJourney, signIn, snap, type Journey } from './browser.js';

type Lifecycle = {
  stage: string | null;
  history: { toStage: string; source: string; note: string | null }[];
};

async function call<T>(request: APIRequestContext, method: 'GET' | 'POST', url: string, body?: unknown) {
  const response = method === 'GET' ? await request.get(url) : await request.post(url, { data: body ?? {} });
  if (!response.ok()) throw new Error(`${method} ${url} -> ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

describe.skipIf(!hasChromium)('customer lifecycle journey in the browser', () => {
  let server: Journey['server'];
  let browser: Browser;
  let page: Page;
  const run = Date.now().toString(36).toUpperCase();
  let customerId = '';

  beforeAll(async () => {
    ({ server, browser, page } = await openJourney());
  });
  afterAll(async () => closeJourney({ server, browser }));

  it('shows first contact after a deal, with the deal in the history', async () => {
    await page.goto(`${server.url}/customers`);
    await page.waitForURL(/\/sign-in/);
    await signIn(page);
    await page.waitForURL(/\/customers/);
    const api = page.request;
    customerId = (
      await call<{ id: string }>(api, 'POST', `${server.url}/api/customers`, {
        kind: 'business',
        name: `E2E 远航软件 ${run}`,
      })
    ).id;
    await call(api, 'POST', `${server.url}/api/deals`, { customerId, name: `E2E 试点 ${run}` });

    await page.goto(`${server.url}/customers/${customerId}`);
    await page.locator('[data-testid="customer-lifecycle"][data-stage="first_contact"]').waitFor();
    const card = page.getByTestId('customer-lifecycle');
    expect(await card.getByTestId('lifecycle-step').count()).toBe(4);
    await card.getByTestId('lifecycle-change').first().waitFor();
    expect(await card.getByTestId('lifecycle-change').count()).toBe(1);
    expect(await card.getByTestId('lifecycle-change').first().textContent()).toContain('Deal');
  });

  it('moves the customer by hand with a note', async () => {
    const card = page.getByTestId('customer-lifecycle');
    await card.getByTestId('lifecycle-stage-select').click();
    await page.getByRole('option', { name: 'In use' }).click();
    await card.getByTestId('lifecycle-note').fill('Signed the annual licence offline');
    await card.getByTestId('lifecycle-move').click();
    await page.locator('[data-testid="customer-lifecycle"][data-stage="in_use"]').waitFor();
    await expect.poll(async () => card.getByTestId('lifecycle-change').count()).toBe(2);
    expect(await card.getByTestId('lifecycle-change').first().textContent()).toContain(
      'Signed the annual licence offline',
    );
    const saved = await call<Lifecycle>(
      page.request,
      'GET',
      `${server.url}/api/customers/${customerId}/lifecycle`,
    );
    expect(saved.stage).toBe('in_use');
    expect(saved.history[0]).toMatchObject({ toStage: 'in_use', source: 'manual' });
    await card.scrollIntoViewIfNeeded();
    await snap(page, 'customer-lifecycle');
  });

  it('lays the card out for a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/customers/${customerId}`);
    const card = page.locator('[data-testid="customer-lifecycle"][data-stage="in_use"]');
    await card.waitFor();
    const box = (await card.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(390);
    await snap(page, 'customer-lifecycle-phone');
    await page.setViewportSize({ width: 1280, height: 860 });
  });
});

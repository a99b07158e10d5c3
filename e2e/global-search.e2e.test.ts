/**
 * The header's search, in Chinese and English, as the demo administrator: Ctrl+K opens it, a part of a
 * customer's name finds the customer grouped under its type, the arrow keys and Enter open it; a text
 * nothing matches says so.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeJourney, hasChromium, openJourney, signIn, snap, type Journey } from './browser.js';

describe.skipIf(!hasChromium)('global search in the browser', () => {
  let server: Journey['server'];
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openJourney('zh-CN'));
    await page.goto(`${server.url}/sign-in?redirect=/customers`);
    await signIn(page);
    await page.getByTestId('global-search-open').waitFor();
  });
  afterAll(async () => closeJourney({ server, browser }));

  /** A demo customer whose name has Chinese (or Latin) letters, from the API. */
  async function demoCustomer(pattern: RegExp): Promise<{ id: string; name: string }> {
    const response = await page.request.get(`${server.url}/api/customers?limit=200`);
    expect(response.status()).toBe(200);
    const { items } = (await response.json()) as { items: { id: string; name: string }[] };
    const found = items.find((customer) => pattern.test(customer.name));
    if (!found) throw new Error(`no demo customer matches ${pattern}`);
    return found;
  }

  it('finds a customer by part of its Chinese name and opens it with the keyboard', async () => {
    const customer = await demoCustomer(/^[\u4e00-\u9fff]{4,}/);
    await page.getByTestId('global-search-open').waitFor();
    await page.keyboard.press('Control+k');
    const input = page.getByTestId('global-search-input');
    await input.waitFor();
    await input.fill(customer.name.slice(0, 4));
    const group = page.locator('[data-testid="global-search-group"][data-type="customers"]');
    await group.waitFor();
    expect(await group.textContent()).toContain('客户');
    const hit = group.getByTestId('global-search-hit').filter({ hasText: customer.name });
    await hit.waitFor();
    await snap(page, 'search-01-zh');
    await hit.hover();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/customers/${customer.id}$`));
  });

  it('finds a customer by a Latin name in English, and says when nothing matches', async () => {
    await page.getByTestId('language-switch').getByText('English').click();
    const customer = await demoCustomer(/^[A-Za-z]{4,}/);
    await page.getByTestId('global-search-open').click();
    const input = page.getByTestId('global-search-input');
    await input.fill(customer.name.slice(0, 5).toLowerCase());
    await page.getByTestId('global-search-hit').filter({ hasText: customer.name }).first().waitFor();
    await input.fill('zzqx-no-such-record');
    await page.getByTestId('global-search-empty').waitFor();
    expect(await page.getByTestId('global-search-empty').textContent()).toContain('Nothing matches');
    await page.keyboard.press('Escape');
  });
});

/**
 * The first journey of a new user: sign in to the demo, read the customer list, switch to Chinese
 * (and find it still Chinese after a reload), create a customer, find it by name, open it.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeJourney, hasChromium, openJourney, snap, type Journey } from './browser.js';

/** True when the element is inside the viewport; a folded navbar is slid off to the left, not hidden. */
async function isOnScreen(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  return box !== null && box.x + box.width > 0 && box.width > 0;
}

describe.skipIf(!hasChromium)('customer journey in the browser', () => {
  let server: Journey['server'];
  let browser: Browser;
  let page: Page;
  const customerName = `E2E 云杉测试科技有限公司 ${Date.now().toString(36)}`;

  beforeAll(async () => {
    ({ server, browser, page } = await openJourney());
  });
  afterAll(async () => closeJourney({ server, browser }));

  it('refuses a wrong password with the reason, then signs in and shows the demo customers', async () => {
    await page.goto(`${server.url}/customers`);
    await page.waitForURL(/\/sign-in/);
    await page.getByTestId('sign-in-email').fill('admin@demo.kehu.local');
    await page.getByTestId('sign-in-password').fill('not-the-password');
    await page.getByTestId('sign-in-submit').click();
    const error = page.getByTestId('sign-in-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('The email or password is wrong.');
    await snap(page, 'journey-01-sign-in-refused');

    await page.getByTestId('sign-in-password').fill('kehu-demo');
    await page.getByTestId('sign-in-submit').click();
    await page.waitForURL(/\/customers$/);
    await page.getByTestId('customer-row').first().waitFor();
    expect(await page.getByTestId('customer-row').count()).toBe(50);
    expect(await page.getByTestId('tenant-name').textContent()).toBe('Kehu Demo 客户演示');
    expect(await page.getByTestId('user-name').textContent()).toBe('Demo Admin');
    await page.getByTestId('kind-mix').waitFor();
    expect(await page.getByTestId('kind-mix').textContent()).toContain('240 customers in all');
    await page.getByTestId('load-more').click();
    await page.getByTestId('customer-row').nth(99).waitFor();
    await snap(page, 'journey-02-customers-en');
  });

  it('switches to Chinese and stays in Chinese after a reload', async () => {
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/me') && r.request().method() === 'PATCH',
    );
    await page.getByTestId('language-switch').getByText('中文').click();
    expect((await saved).status()).toBe(200);
    await page.getByRole('heading', { name: '客户', exact: true }).waitFor();
    expect(await page.getByTestId('nav-settings').textContent()).toBe('设置');

    await page.reload();
    await page.getByTestId('customer-row').first().waitFor();
    await page.getByRole('heading', { name: '客户', exact: true }).waitFor();
    expect(await page.getByTestId('kind-filter').textContent()).toContain('企业客户');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await snap(page, 'journey-03-customers-zh');
  });

  it('creates a business customer, showing field errors from the server first', async () => {
    await page.getByTestId('new-customer').click();
    await page.getByTestId('customer-form').waitFor();
    await page.getByTestId('customer-kind').getByText('企业客户').click();
    await page.getByTestId('customer-name').fill(customerName);
    await page.getByTestId('customer-industry').fill('软件');
    await page.getByTestId('customer-uscc').fill('91330106MA2B3C4D5D');
    await page.getByTestId('customer-phone').fill('+86 571 8888 6666');
    await page.getByTestId('customer-email').fill('not-an-email');
    await page.getByTestId('customer-region').fill('浙江省');
    await page.getByTestId('customer-submit').click();
    await page.getByText('邮箱格式不正确').waitFor();
    await snap(page, 'journey-04-create-field-error');

    await page.getByTestId('customer-email').fill('buyer@yunshan.example.cn');
    await page.getByTestId('customer-submit').click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId('customer-detail-name').textContent()).toBe(customerName);
    expect(await page.getByTestId('field-uscc').textContent()).toContain('91330106MA2B3C4D5D');
    expect(await page.getByTestId('field-email').textContent()).toContain('buyer@yunshan.example.cn');
    await snap(page, 'journey-05-created');
  });

  it('finds the new customer by searching its name and opens it', async () => {
    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customer-row').first().waitFor();
    await page.getByTestId('customer-search').fill(customerName);
    await page.waitForURL((url) => url.searchParams.get('q') === customerName);
    const rows = page.getByTestId('customer-row');
    await rows.filter({ hasText: customerName }).waitFor();
    await rows.nth(1).waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(1);
    await snap(page, 'journey-06-search');

    await rows.first().click();
    await page.getByTestId('customer-detail').waitFor();
    expect(await page.getByTestId('customer-detail-name').textContent()).toBe(customerName);
    expect(await page.getByTestId('kind-badge').first().textContent()).toBe('企业客户');
    await snap(page, 'journey-07-detail-zh');
  });

  it('filters by intent tier, saves the filters as a view and applies it again', async () => {
    await page.goto(`${server.url}/customers`);
    await page.getByTestId('customer-row').first().waitFor();
    await page.getByTestId('intent-chip-A').click();
    await page.waitForURL((url) => url.searchParams.get('intentTier') === 'A');
    const firstTier = page.getByTestId('customer-row').first().getByTestId('tier-chip-intent');
    await expect.poll(() => firstTier.getAttribute('data-tier')).toBe('A');

    await page.getByTestId('saved-views').click();
    await page.getByTestId('save-view').click();
    await page.getByTestId('save-view-name').fill('A 类客户');
    await page.getByTestId('save-view-submit').click();
    await page.getByTestId('save-view-form').waitFor({ state: 'detached' });
    expect(await page.getByTestId('saved-views').textContent()).toBe('A 类客户');

    await page.goto(`${server.url}/customers`);
    await page.getByTestId('customer-row').first().waitFor();
    await page.getByTestId('saved-views').click();
    await page.getByTestId('saved-view').filter({ hasText: 'A 类客户' }).click();
    await page.waitForURL((url) => url.searchParams.get('intentTier') === 'A');
    await snap(page, 'journey-07b-saved-view');
  });

  it('shows a likely duplicate with its matching keys, creates it anyway, then edits the profile', async () => {
    await page.goto(`${server.url}/customers/new`);
    await page.getByTestId('customer-name').fill(customerName);
    await page.getByTestId('customer-submit').click();
    const candidate = page.getByTestId('duplicate-candidate');
    await candidate.waitFor();
    expect(await candidate.textContent()).toContain(customerName);
    expect(await candidate.textContent()).toContain('名称相同');
    await snap(page, 'journey-07c-duplicate');

    await page.getByTestId('create-anyway').click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
    await page.getByTestId('edit-customer').click();
    await page.getByTestId('customer-region').fill('浙江省杭州市');
    await page.getByTestId('save-customer').click();
    await page.getByTestId('edit-customer-form').waitFor({ state: 'detached' });
    expect(await page.getByTestId('field-region').textContent()).toContain('浙江省杭州市');
    await snap(page, 'journey-07d-edited');
  });

  it('works on a phone: the navigation folds behind a burger, nothing overflows, sign-out ends the session', async () => {
    const phone = await browser.newContext({
      locale: 'en-US',
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    const small = await phone.newPage();
    small.setDefaultTimeout(20_000);
    await small.goto(`${server.url}/sign-in`);
    await small.getByTestId('sign-in-email').fill('admin@demo.kehu.local');
    await small.getByTestId('sign-in-password').fill('kehu-demo');
    await small.getByTestId('sign-in-submit').click();
    await small.getByTestId('customer-row').first().waitFor();
    // The language chosen on the desktop follows the user to the phone.
    await small.getByRole('heading', { name: '客户', exact: true }).waitFor();
    await expect.poll(() => isOnScreen(small.getByTestId('nav-warehouse'))).toBe(false);
    expect(await small.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await snap(small, 'journey-08-phone-customers');

    await small.getByRole('button', { name: '展开或收起导航' }).click();
    await small.getByTestId('nav-warehouse').click();
    await small.getByTestId('warehouse-tab-stock').waitFor();
    await expect.poll(() => isOnScreen(small.getByTestId('nav-warehouse'))).toBe(false);
    expect(await small.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await snap(small, 'journey-09-phone-warehouse');

    await small.getByTestId('user-menu').click();
    await small.getByTestId('sign-out').click();
    await small.waitForURL(/\/sign-in/);
    await small.goto(`${server.url}/customers`);
    await small.waitForURL(/\/sign-in\?redirect=/);
    await phone.close();
  });
});

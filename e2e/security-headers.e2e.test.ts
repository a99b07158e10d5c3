/**
 * The Content-Security-Policy the server sends lets the built web app and the API docs work: every
 * main page (customers, a customer, insights, warehouse, settings, the docs) loads in Chromium without
 * a single CSP violation, and the app cannot be framed.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeJourney, hasChromium, openJourney, signIn, type Journey } from './browser.js';

const PAGES = [
  '/',
  '/customers',
  '/customers/new',
  '/pools',
  '/insights',
  '/insights/persons',
  '/sales',
  '/warehouse',
  '/warehouse/stock',
  '/warehouse/orders',
  '/warehouse/suppliers',
  '/settings/users',
  '/settings/api-keys',
  '/settings/sources',
  '/settings/jobs',
];

describe.skipIf(!hasChromium)('content security policy in the browser', () => {
  let server: Journey['server'];
  let browser: Browser;
  let page: Page;
  const violations: string[] = [];

  beforeAll(async () => {
    ({ server, browser, page } = await openJourney());
    await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
    // A string: this file is compiled without the DOM's types.
    await page.addInitScript({
      content: `document.addEventListener('securitypolicyviolation', (event) =>
        window.reportCspViolation(event.violatedDirective + ' blocked ' + event.blockedURI + ' on ' +
          location.pathname + ' (' + event.sourceFile + ':' + event.lineNumber + ')'));`,
    });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
  });
  afterAll(async () => closeJourney({ server, browser }));

  it('signs in and opens every main page without a CSP violation', async () => {
    await page.goto(`${server.url}/customers`);
    await page.waitForURL(/\/sign-in/);
    await signIn(page);
    await page.waitForURL(/\/customers$/);
    for (const path of PAGES) {
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState('networkidle');
    }
    await page.goto(`${server.url}/customers`);
    await page.getByTestId('customer-row').first().click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
  });

  it('opens the API docs without a CSP violation', async () => {
    await page.goto(`${server.url}/docs`);
    await page.locator('.swagger-ui .opblock').first().waitFor();
    expect(violations).toEqual([]);
  });

  it('refuses to be framed', async () => {
    const response = await page.goto(`${server.url}/customers`);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response?.headers()['x-frame-options']).toBe('DENY');
  });
});

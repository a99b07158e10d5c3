/**
 * A marketer's touchpoint journey, as the demo administrator: create a web source in Settings →
 * Sources and read its write key off the page; send a visitor's page view, events, an identify and a
 * group to /v1/batch with that key; find the visitor on the Persons page, open them and see their ids,
 * traits, trait history and timeline; then see the same touchpoints on the account's Touchpoints tab
 * and on the contact page reached from its buying committee. Rotating the key retires the old one.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeJourney, hasChromium, openJourney, signIn, snap, type Journey } from './browser.js';

type CustomerPage = { items: { id: string; name: string; uscc: string | null }[] };
type Committee = { members: { person: { id: string; name: string; email: string | null } }[] };

/** Sends a Segment batch with `writeKey` as the Basic user, as analytics clients do. */
async function sendBatch(url: string, writeKey: string, batch: object[]): Promise<Response> {
  return fetch(`${url}/v1/batch`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ batch, sentAt: new Date().toISOString() }),
  });
}

const minutesAgo = (minutes: number): string => new Date(Date.now() - minutes * 60_000).toISOString();

describe.skipIf(!hasChromium)('touchpoints journey in the browser', () => {
  let server: Journey['server'];
  let browser: Browser;
  let page: Page;
  const run = Date.now().toString(36);
  const sourceName = `E2E 官网 Website ${run}`;
  const userId = `e2e-user-${run}`;
  const anonymousId = `e2e-anon-${run}`;
  let writeKey = '';
  let account: CustomerPage['items'][number];
  let contact: Committee['members'][number]['person'];

  beforeAll(async () => {
    ({ server, browser, page } = await openJourney());
  });
  afterAll(async () => closeJourney({ server, browser }));

  it('creates a source in Settings → Sources and shows its write key with a snippet', async () => {
    await page.goto(`${server.url}/settings/sources`);
    await page.waitForURL(/\/sign-in/);
    await signIn(page);
    await page.waitForURL(/\/settings\/sources$/);
    // The demo tenant may already have sources (the demo seeds some touchpoints); the page shows either.
    await page.getByTestId('source-table').or(page.getByTestId('sources-empty')).waitFor();

    await page.getByTestId('create-source').click();
    await page.getByTestId('source-name').fill(sourceName);
    await page.getByTestId('source-keep-forever').click();
    // "Keep forever" off and the days emptied: the form asks for them instead of sending nothing.
    await page.getByTestId('source-retention').fill('');
    await page.getByTestId('source-submit').click();
    await page.getByText('Required').waitFor();
    await page.getByTestId('source-retention').fill('90');
    await snap(page, 'touchpoints-01-new-source');
    await page.getByTestId('source-submit').click();

    await page.getByTestId('source-created').waitFor();
    writeKey = (await page.getByTestId('source-created-key').textContent())?.trim() ?? '';
    expect(writeKey.length).toBeGreaterThan(15);
    const curl = await page.getByTestId('source-snippet-curl').textContent();
    expect(curl).toContain(`curl -u ${writeKey}:`);
    expect(curl).toContain(`${server.url}/v1/track`);
    expect(await page.getByTestId('source-snippet-node').textContent()).toContain(
      `new Analytics({ writeKey: '${writeKey}', host: '${server.url}' })`,
    );
    await snap(page, 'touchpoints-02-write-key');
    await page.getByTestId('source-done').click();

    const row = page.locator(`[data-testid="source-row"][data-source-name="${sourceName}"]`);
    await row.waitFor();
    // The table masks the key until asked.
    expect(await row.getByTestId('source-write-key').textContent()).not.toContain(writeKey);
    await row.getByTestId('source-show-key').click();
    expect(await row.getByTestId('source-write-key').textContent()).toBe(writeKey);
    expect(await row.getByTestId('source-retention-cell').textContent()).toBe('90 days');
    expect(await row.getByTestId('source-rate-cell').textContent()).toBe('2,000 /s');
  });

  it('accepts a batch sent with that key, and refuses an unknown key', async () => {
    // A business account and a contact on its committee, so the visitor can be tied to both.
    const customers = (await (
      await page.request.get(`${server.url}/api/customers?kind=business&limit=50`)
    ).json()) as CustomerPage;
    for (const candidate of customers.items.filter((c) => c.uscc)) {
      const committee = (await (
        await page.request.get(`${server.url}/api/customers/${candidate.id}/committee`)
      ).json()) as Committee;
      const member = committee.members.find((m) => m.person.email);
      if (member) {
        account = candidate;
        contact = member.person;
        break;
      }
    }
    expect(contact?.email).toBeTruthy();

    const batch = [
      {
        type: 'page',
        anonymousId,
        name: 'Pricing',
        properties: { url: 'https://example.cn/pricing', referrer: 'https://www.baidu.com/' },
        timestamp: minutesAgo(50),
        messageId: `${run}-1`,
      },
      {
        type: 'track',
        anonymousId,
        event: 'Viewed Product',
        properties: { sku: 'KH-200', price: 1999, currency: 'CNY' },
        timestamp: minutesAgo(45),
        messageId: `${run}-2`,
      },
      {
        type: 'identify',
        anonymousId,
        userId,
        traits: { name: `E2E 访客 ${run}`, email: contact.email, plan: 'trial' },
        timestamp: minutesAgo(40),
        messageId: `${run}-3`,
      },
      { type: 'group', userId, groupId: account.uscc, timestamp: minutesAgo(39), messageId: `${run}-4` },
      {
        type: 'track',
        userId,
        event: 'Signed Up',
        properties: { plan: 'trial', coupon: 'SPRING' },
        timestamp: minutesAgo(38),
        messageId: `${run}-5`,
      },
      {
        type: 'identify',
        userId,
        traits: { plan: 'pro' },
        timestamp: minutesAgo(10),
        messageId: `${run}-6`,
      },
    ];
    const accepted = await sendBatch(server.url, writeKey, batch);
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ success: true });
    expect((await sendBatch(server.url, `${writeKey}x`, batch)).status).toBe(401);
  });

  it('finds the visitor on the Persons page and shows ids, traits, history and timeline', async () => {
    await page.getByTestId('nav-insights').click();
    await page.waitForURL(/\/insights\/persons/);
    await page.getByTestId('persons-search').fill(userId);
    await page.waitForURL(new RegExp(`q=${userId}`));
    const rows = page.getByTestId('person-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(`E2E 访客 ${run}`);
    expect(await rows.first().textContent()).toContain(contact.email);
    await snap(page, 'touchpoints-03-persons');

    await rows.first().getByTestId('person-link').click();
    await page.getByTestId('person-detail').waitFor();
    expect(await page.getByTestId('person-name').textContent()).toBe(`E2E 访客 ${run}`);
    const identities = await page.getByTestId('person-identity').allTextContents();
    expect(identities).toContain(`User ID${userId}`);
    expect(identities).toContain(`Anonymous ID${anonymousId}`);
    expect(await page.locator('[data-testid="person-trait"][data-trait="plan"]').textContent()).toContain(
      'pro',
    );
    expect(await page.getByTestId('person-account-link').textContent()).toBe(account.name);
    expect(await page.getByTestId('person-contact-link').textContent()).toContain(contact.name);

    // Newest first; the anonymous visits before the identify are the same person's.
    const items = page.getByTestId('touchpoint-item');
    await expect.poll(() => items.count()).toBe(6);
    const names = await page.getByTestId('touchpoint-name').allTextContents();
    expect(names.indexOf('Signed Up')).toBeLessThan(names.indexOf('Viewed Product'));
    expect(names.indexOf('Viewed Product')).toBeLessThan(names.indexOf('Pricing'));
    const signedUp = items.filter({ hasText: 'Signed Up' });
    await signedUp.getByTestId('touchpoint-toggle').click();
    const properties = JSON.parse((await signedUp.getByTestId('touchpoint-properties').textContent()) ?? '');
    expect(properties).toEqual({ plan: 'trial', coupon: 'SPRING' });
    await snap(page, 'touchpoints-04-person');

    await page.getByTestId('touchpoint-event-filter').fill('Viewed Product');
    await expect.poll(() => items.count()).toBe(1);
    await page.getByTestId('touchpoint-event-filter').fill('');
    await page.getByTestId('touchpoint-channel-offline').click();
    await page.getByTestId('touchpoint-empty').waitFor();
    await page.getByTestId('touchpoint-channel-web').click();
    await expect.poll(() => items.count()).toBe(6);

    await page.getByTestId('person-tab-history').click();
    const plan = page.getByTestId('trait-change').filter({ hasText: 'plan' }).first();
    expect(await plan.textContent()).toMatch(/plan\s*trial\s*pro/);
  });

  it("shows the touchpoints on the account's Touchpoints tab and on the committee contact's page", async () => {
    await page.goto(`${server.url}/customers/${account.id}`);
    await page.getByTestId('customer-tab-touchpoints').click();
    const items = page.getByTestId('touchpoint-item');
    await expect.poll(() => items.count()).toBeGreaterThanOrEqual(6);
    expect(await page.getByTestId('touchpoint-name').allTextContents()).toContain('Signed Up');
    await snap(page, 'touchpoints-05-customer-tab');

    await page
      .locator(`[data-testid="committee-member"][data-person-id="${contact.id}"]`)
      .getByTestId('committee-member-name')
      .click();
    await page.waitForURL(new RegExp(`/people/${contact.id}$`));
    expect(await page.getByTestId('contact-name').textContent()).toBe(contact.name);
    await expect.poll(() => items.count()).toBeGreaterThanOrEqual(6);
    await snap(page, 'touchpoints-06-contact');
  });

  it('rotates the write key after a confirmation; the old key stops working', async () => {
    await page.goto(`${server.url}/settings/sources`);
    const row = page.locator(`[data-testid="source-row"][data-source-name="${sourceName}"]`);
    await row.getByTestId('source-menu').click();
    await page.getByTestId('source-rotate').click();
    await page.getByTestId('source-confirm-rotate').click();
    await page.getByTestId('source-confirm-rotate').waitFor({ state: 'detached' });
    await row.getByTestId('source-show-key').click();
    await expect.poll(() => row.getByTestId('source-write-key').textContent()).not.toBe(writeKey);
    const newKey = (await row.getByTestId('source-write-key').textContent()) ?? '';
    const event = [{ type: 'track', userId, event: 'After Rotation', messageId: `${run}-7` }];
    // The ingest path caches a key's source for a few seconds; after that the old key is refused.
    await expect
      .poll(async () => (await sendBatch(server.url, writeKey, event)).status, {
        timeout: 20_000,
        interval: 1000,
      })
      .toBe(401);
    expect((await sendBatch(server.url, newKey, event)).status).toBe(200);
  });

  it('edits the rate limit and retention, and turns the source off with its switch', async () => {
    const row = page.locator(`[data-testid="source-row"][data-source-name="${sourceName}"]`);
    await row.getByTestId('source-menu').click();
    await page.getByTestId('source-edit').click();
    await page.getByTestId('source-rate').fill('500');
    await page.getByTestId('source-keep-forever').click();
    await page.getByTestId('source-save').click();
    await page.getByTestId('source-edit-form').waitFor({ state: 'detached' });
    await expect.poll(() => row.getByTestId('source-rate-cell').textContent()).toBe('500 /s');
    expect(await row.getByTestId('source-retention-cell').textContent()).toBe('Forever');

    await row.getByTestId('source-enabled').click();
    const disabled = async () => {
      const list = (await (await page.request.get(`${server.url}/api/sources`)).json()) as {
        items: { name: string; disabled: boolean }[];
      };
      return list.items.find((source) => source.name === sourceName)?.disabled;
    };
    await expect.poll(disabled).toBe(true);
    await expect.poll(() => row.getByRole('switch').isChecked()).toBe(false);
    await snap(page, 'touchpoints-07-source-off');
  });
});

import { describe, expect, it } from 'vitest';
import { makeApiKey, makeUser, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { inspectPdf } from '../../../../test/helpers/pdf.js';
import { signInCookie, useTestApp } from '../../../../test/helpers/server.js';
import type { Deal } from '../deal/deal.contract.js';
import { salesWorld, type Problem } from '../deal/deal-world.test-helper.js';
import type { Quote, QuoteList } from './quote.contract.js';

const t = useTestApp();

/** A deal with one service line of 2 × 1,250.00 CNY at 13% tax. */
async function quotedWorld() {
  const world = await salesWorld(t);
  const customerId = await world.customer('business', { name: '上海示例贸易有限公司' });
  const product = await world.json('POST', '/api/products', {
    name: '年度维保服务',
    kind: 'service',
    price: { amount: 125_000, currency: 'CNY' },
    taxRate: 0.13,
  });
  const deal = await world.json<Deal>('POST', '/api/deals', {
    customerId,
    name: 'Maintenance',
    lines: [{ productId: product.id, quantity: 2 }],
  });
  return { ...world, deal };
}

describe('quotes over HTTP', () => {
  it('makes versions and prints each as an A4 PDF in its language with the CJK font and the number', async () => {
    const { json, call, deal, tenant } = await quotedWorld();
    const base = `/api/deals/${deal.id}/quotes`;
    const first = await json<Quote>('POST', base, { note: '价格含运费' });
    const second = await json<Quote>('POST', base, { language: 'en', validUntil: '2099-12-31' });
    expect([first.version, second.version]).toEqual([1, 2]);
    expect(first.totals).toEqual({ subtotal: 250_000, discount: 0, tax: 32_500, total: 282_500 });
    const list = await json<QuoteList>('GET', base);
    expect(list.items.map((q) => [q.version, q.language])).toEqual([
      [2, 'en'],
      [1, 'zh-CN'],
    ]);
    expect(await json<Quote>('GET', `${base}/1`)).toEqual(first);

    const zh = await call('GET', `${base}/1/pdf`);
    expect(zh.statusCode).toBe(200);
    expect(zh.headers['content-type']).toBe('application/pdf');
    expect(zh.headers['content-disposition']).toBe(`inline; filename="${first.number}.pdf"`);
    const raw = zh.rawPayload.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
    expect(raw).toContain('/Subtype /Image');
    const { text: zhText, barcodes, sizes } = await inspectPdf(zh.rawPayload);
    expect(sizes.map((size) => size.map(Math.round))).toEqual([[0, 0, 595, 842]]);
    expect(barcodes).toEqual([{ format: 'CODE_128', text: first.number }]);
    for (const expected of [
      '报价单',
      first.number,
      tenant.name,
      '上海示例贸易有限公司',
      '年度维保服务',
      '¥2,825.00',
      '价格含运费',
    ]) {
      expect(zhText).toContain(expected);
    }
    expect(zhText).not.toContain('Quotation');

    // A retried request with the same Idempotency-Key answers the first version again.
    const key = `Bearer ${await makeApiKey(t.database.db, tenant.id, 'sales_manager')}`;
    const retry = () =>
      t.app.inject({
        method: 'POST',
        url: base,
        headers: { authorization: key, 'idempotency-key': `quote-${deal.id}` },
        payload: {},
      });
    const [once, again] = [await retry(), await retry()];
    expect([once.json<Quote>().version, again.json<Quote>().version]).toEqual([3, 3]);

    const { text: enText } = await inspectPdf((await call('GET', `${base}/2/pdf`)).rawPayload);
    for (const expected of ['Quotation', second.number, 'Valid until', '2099-12-31', 'CN¥2,825.00']) {
      expect(enText).toContain(expected);
    }
    expect(enText).not.toContain('报价单');
    expect((await call('GET', `${base}/4/pdf`)).json<Problem>().code).toBe('crm.quote.not_found');
  });

  it('answers 409 for a deal without lines and 400 naming the field for bad input', async () => {
    const { call, customer, json, deal } = await quotedWorld();
    const empty = await json<Deal>('POST', '/api/deals', { customerId: await customer(), name: 'Empty' });
    const none = await call('POST', `/api/deals/${empty.id}/quotes`);
    expect([none.statusCode, none.json<Problem>().code]).toEqual([409, 'crm.quote.no_lines']);
    const paths = async (payload: object) => {
      const response = await call('POST', `/api/deals/${deal.id}/quotes`, payload);
      expect(response.statusCode).toBe(400);
      return response.json<Problem>().errors?.map((e) => e.path);
    };
    expect(await paths({ language: 'fr' })).toEqual(['language']);
    expect(await paths({ validUntil: 'tomorrow' })).toEqual(['validUntil']);
    expect(await paths({ validUntil: '2000-01-01' })).toEqual(['validUntil']);
    expect((await call('GET', `/api/deals/${deal.id}/quotes/zero`)).statusCode).toBe(400);
    expect((await json<QuoteList>('GET', `/api/deals/${deal.id}/quotes`)).items).toEqual([]);
  });

  it('answers 404 to a rep who cannot see the deal, for every quote route', async () => {
    const { tenant, json, deal } = await quotedWorld();
    await json<Quote>('POST', `/api/deals/${deal.id}/quotes`);
    const rep = await makeUser(t.database.db, tenant, 'sales_rep');
    const cookie = await signInCookie(t.app, rep.email, TEST_PASSWORD);
    const base = `/api/deals/${deal.id}/quotes`;
    for (const [method, url] of [
      ['POST', base],
      ['GET', base],
      ['GET', `${base}/1`],
      ['GET', `${base}/1/pdf`],
    ] as const) {
      const response = await t.app.inject({ method, url, headers: { cookie } });
      expect([url, response.statusCode, response.json<Problem>().code]).toEqual([
        url,
        404,
        'crm.deal.not_found',
      ]);
    }
    expect((await json<QuoteList>('GET', base)).items).toHaveLength(1);
  });
});

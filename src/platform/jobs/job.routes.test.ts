import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApiKey, makeTenant } from '../../../test/helpers/factories.js';
import { createTestApp } from '../../../test/helpers/server.js';
import { fixedClock } from '../clock.js';
import { newId } from '../ids.js';
import type { JobOut, JobPage } from './job.contract.js';
import { enqueueJob } from './job.service.js';
import { createJobWorker } from './scheduler.js';

const clock = fixedClock('2026-03-02T08:00:00.000Z');
let server: Awaited<ReturnType<typeof createTestApp>>;
let admin: string;
let rep: string;
let tenantId: string;
const name = `test.routes.${newId()}`;

beforeAll(async () => {
  server = await createTestApp({ clock });
  const { tenant } = await makeTenant(server.database.db);
  tenantId = tenant.id;
  admin = `Bearer ${await makeApiKey(server.database.db, tenant.id, 'admin')}`;
  rep = `Bearer ${await makeApiKey(server.database.db, tenant.id, 'sales_rep')}`;
});
afterAll(async () => server?.close());

const get = (url: string, authorization = admin) =>
  server.app.inject({ method: 'GET', url, headers: { authorization } });

describe('GET /api/jobs', () => {
  it('lists the jobs of the tenant and those across tenants by status, newest first, in pages', async () => {
    const db = server.database.db;
    const failing = await enqueueJob(db, clock, { name, tenantId, maxAttempts: 1 });
    const queued = await enqueueJob(db, clock, {
      name: `${name}.later`,
      runAt: new Date('2026-03-03T00:00:00Z'),
    });
    const other = await enqueueJob(db, clock, { name, tenantId: newId() });
    const logger = { info: () => undefined, error: () => undefined };
    const handler = { name, run: async () => Promise.reject(new Error('SMTP 550')) };
    await createJobWorker({ db, clock, logger }, [], [handler]).runDue();

    const failed = await get('/api/jobs?status=failed');
    expect(failed.statusCode).toBe(200);
    const ids = failed.json<JobPage>().items.map((job) => job.id);
    expect(ids).toContain(failing);
    expect(ids).not.toContain(other);
    expect(failed.json<JobPage>().items.find((job) => job.id === failing)).toMatchObject({
      name,
      status: 'failed',
      attempts: 1,
      maxAttempts: 1,
      lastError: 'SMTP 550',
      runAt: '2026-03-02T08:00:00.000Z',
    });

    const first = (await get('/api/jobs?limit=1')).json<JobPage>();
    expect(first.items.map((job) => job.id)).toEqual([queued]);
    const second = (await get(`/api/jobs?limit=1&after=${first.nextCursor}`)).json<JobPage>();
    expect(second.items.map((job) => job.id)).toEqual([failing]);
    // The other tenant's job is older still, and not shown: the last page.
    expect(second.nextCursor).toBeNull();
  });

  it('answers 403 to every role but admin', async () => {
    const response = await get('/api/jobs', rep);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'auth.forbidden' });
    expect((await get('/api/jobs', 'Bearer nope')).statusCode).toBe(401);
  });
});

describe('POST /api/jobs/:id/retry', () => {
  it('queues a failed job again due now; 409 for one that is not failed, 404 for one not seen', async () => {
    const [failed] = (await get('/api/jobs?status=failed')).json<JobPage>().items;
    const retry = (id: string, authorization = admin) =>
      server.app.inject({ method: 'POST', url: `/api/jobs/${id}/retry`, headers: { authorization } });
    expect((await retry(failed!.id, rep)).statusCode).toBe(403);
    const retried = await retry(failed!.id);
    expect(retried.statusCode).toBe(200);
    expect(retried.json<JobOut>()).toMatchObject({
      id: failed!.id,
      status: 'queued',
      attempts: 0,
      runAt: clock.now().toISOString(),
      finishedAt: null,
    });
    const again = await retry(failed!.id);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'jobs.job.not_failed' });
    const elsewhere = await enqueueJob(server.database.db, clock, { name, tenantId: newId() });
    expect((await retry(elsewhere!)).statusCode).toBe(404);
    expect((await retry(newId())).json()).toMatchObject({ code: 'jobs.job.not_found' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.js';
import { fixedClock } from '../clock.js';
import { listJobs } from '../jobs/job.repository.js';
import type { Database } from './database.js';
import {
  BIG_CHANGE_ROWS,
  MAINTENANCE_REQUEST_JOB,
  maintenanceHandler,
  requestMaintenance,
} from './maintain.js';

describe('maintenance after a big change', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.close());

  const queued = async () =>
    (await listJobs(database.db, { tenantId: '00000000-0000-0000-0000-000000000000', limit: 50 })).filter(
      (job) => job.name === MAINTENANCE_REQUEST_JOB,
    );

  it('queues nothing for a small change', async () => {
    const clock = fixedClock(new Date('2026-12-07T10:15:00Z'));
    expect(await requestMaintenance(database.db, clock, { rows: BIG_CHANGE_ROWS - 1, reason: 'test' })).toBe(
      false,
    );
    expect(await queued()).toHaveLength(0);
  });

  it('queues one run a minute after a big change, at most one per hour', async () => {
    const clock = fixedClock(new Date('2026-12-07T10:15:00Z'));
    expect(
      await requestMaintenance(database.db, clock, { rows: BIG_CHANGE_ROWS, reason: 'crm.import' }),
    ).toBe(true);
    expect(await requestMaintenance(database.db, clock, { rows: 50_000, reason: 'crm.import' })).toBe(false);
    const later = fixedClock(new Date('2026-12-07T11:00:00Z'));
    expect(await requestMaintenance(database.db, later, { rows: 50_000, reason: 'insights.retention' })).toBe(
      true,
    );
    const jobs = await queued();
    expect(jobs).toHaveLength(2);
    const first = jobs.find((job) => (job.payload as { reason: string }).reason === 'crm.import')!;
    expect(first.runAt.toISOString()).toBe('2026-12-07T10:16:00.000Z');
  });

  it('the handler runs the engine’s maintenance', async () => {
    const messages: string[] = [];
    const logger = { info: (_: unknown, message: string) => messages.push(message), error: () => undefined };
    await maintenanceHandler({ db: database.db, engine: database.engine }, logger).run({ reason: 'test' });
    expect(messages).toEqual(['database maintained after a big change']);
  });
});

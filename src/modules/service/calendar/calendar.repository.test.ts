import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import * as repo from './calendar.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const at = new Date('2026-12-08T01:30:00Z');

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('business calendar queries', () => {
  it('match calendar.repository.sql', async () => {
    const { tenant } = await makeTenant(database.db);
    const t = tenant.id;
    const row = {
      tenantId: t,
      id: newId(),
      name: 'Shanghai office',
      timeZone: 'Asia/Shanghai',
      hours: { mon: [['09:00', '18:00'] as [string, string]] },
      holidays: ['2026-10-01'],
      workdays: [],
      createdAt: at,
      updatedAt: at,
    };
    const text = await snapshotRepository(database.pool, repo, [
      ['insertCalendar', (db) => repo.insertCalendar(db, row)],
      ['findCalendar', (db) => repo.findCalendar(db, t, row.id)],
      ['listCalendars', (db) => repo.listCalendars(db, t)],
      ['updateCalendar', (db) => repo.updateCalendar(db, t, row.id, { holidays: [], updatedAt: at })],
    ]);
    await expect(text).toMatchFileSnapshot('./calendar.repository.sql');
  });
});

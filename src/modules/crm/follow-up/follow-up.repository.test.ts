import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import * as repo from './follow-up.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const at = new Date('2026-01-01T00:00:00Z');

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('follow-up queries', () => {
  it('match follow-up.repository.sql', async () => {
    const { tenant } = await makeTenant(database.db);
    const t = tenant.id;
    const cursor = { at, id: newId() };
    const customerId = newId();
    const followUp = { id: newId(), customerId, channel: 'call', note: 'x', at, createdAt: at };
    const text = await snapshotRepository(database.pool, repo, [
      ['insertFollowUp', (db) => repo.insertFollowUp(db, t, followUp)],
      [
        'insertFollowUpRows (seed rows as they are)',
        (db) => repo.insertFollowUpRows(db, [{ ...followUp, id: newId(), tenantId: t }]),
      ],
      ['listFollowUpsAfter (first page)', (db) => repo.listFollowUpsAfter(db, t, customerId, undefined, 51)],
      ['listFollowUpsAfter (after a cursor)', (db) => repo.listFollowUpsAfter(db, t, customerId, cursor, 51)],
      ['listFollowUpsOfContact', (db) => repo.listFollowUpsOfContact(db, t, newId())],
      ['repointFollowUps', (db) => repo.repointFollowUps(db, t, newId(), [newId(), newId()])],
    ]);
    await expect(text).toMatchFileSnapshot('./follow-up.repository.sql');
  });
});

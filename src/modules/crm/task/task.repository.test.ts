import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import * as repo from './task.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const at = new Date('2026-12-08T01:30:00Z');

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('task queries', () => {
  it('match task.repository.sql', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const t = tenant.id;
    const task = {
      tenantId: t,
      id: newId(),
      title: 'Call',
      kind: 'call',
      dueAt: at,
      assigneeUserId: admin.id,
      status: 'open',
      createdAt: at,
      updatedAt: at,
    };
    const feed = { tenantId: t, userId: admin.id, token: 'x'.repeat(32), createdAt: at };
    const text = await snapshotRepository(database.pool, repo, [
      ['insertTask', (db) => repo.insertTask(db, task)],
      ['findTask', (db) => repo.findTask(db, t, task.id)],
      ['updateTask', (db) => repo.updateTask(db, t, task.id, { status: 'done', completedAt: at })],
      [
        'listTasks (first page, every filter)',
        (db) =>
          repo.listTasks(
            db,
            t,
            {
              assignees: [admin.id],
              customerId: newId(),
              dealId: newId(),
              status: 'open',
              dueFrom: at,
              dueBefore: at,
            },
            undefined,
            51,
          ),
      ],
      ['listTasks (after a cursor, no filter)', (db) => repo.listTasks(db, t, {}, { at, id: task.id }, 51)],
      ['repointTasks', (db) => repo.repointTasks(db, t, newId(), [newId(), newId()])],
      ['findCalendarFeed', (db) => repo.findCalendarFeed(db, t, admin.id)],
      ['upsertCalendarFeed (first address)', (db) => repo.upsertCalendarFeed(db, feed, false)],
      [
        'upsertCalendarFeed (rotate)',
        (db) => repo.upsertCalendarFeed(db, { ...feed, token: 'y'.repeat(32) }, true),
      ],
      ['findCalendarOwner', (db) => repo.findCalendarOwner(db, t, 'y'.repeat(32))],
    ]);
    await expect(text).toMatchFileSnapshot('./task.repository.sql');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import { DAY_MS, fixedClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import * as repo from './audit.repository.js';
import { auditRetentionJob, recordAudit } from './audit.service.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

describe('audit retention', () => {
  it('deletes entries older than a year and keeps the rest', async () => {
    const tenantId = newId();
    const clock = fixedClock('2026-01-01T00:00:00Z');
    const actor = { tenantId, anonymous: true } as const;
    await recordAudit(database.db, actor, 'old', {}, { clock });
    clock.advanceDays(300);
    await recordAudit(database.db, actor, 'recent', {}, { clock });
    clock.set(new Date(Date.parse('2026-01-01T00:00:00Z') + 366 * DAY_MS));
    await auditRetentionJob({ db: database.db, clock }).run();
    const left = await repo.listAuditEntries(database.db, tenantId, { limit: 10 });
    expect(left.map((r) => r.action)).toEqual(['recent']);
  });
});

describe.skipIf(testEngine() !== 'pglite')('audit repository queries', () => {
  it('match audit.repository.sql', async () => {
    const id = newId();
    const now = new Date('2026-01-01T00:00:00Z');
    const text = await snapshotRepository(database.pool, repo, [
      [
        'insertAuditEntries',
        (db) =>
          repo.insertAuditEntries(db, [
            { tenantId: id, id, at: now, actorUserId: null, actorKind: 'system', action: 'a', details: {} },
          ]),
      ],
      [
        'listAuditEntries',
        (db) =>
          repo.listAuditEntries(db, id, {
            action: 'a',
            actorUserId: id,
            from: now,
            to: now,
            before: id,
            limit: 5,
          }),
      ],
      ['deleteAuditEntriesBefore (all tenants)', (db) => repo.deleteAuditEntriesBefore(db, now)],
    ]);
    await expect(text).toMatchFileSnapshot('./audit.repository.sql');
  });
});

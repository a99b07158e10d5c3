import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { captureSql } from '../../../../test/helpers/sql-capture.js';
import { DAY_MS } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import * as recall from './recall.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const at = new Date('2026-01-01T00:00:00Z');
const day = (n: number) => new Date(at.getTime() - n * DAY_MS);

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('recall repository queries', () => {
  it('match recall.repository.sql', async () => {
    const { tenant } = await makeTenant(database.db);
    const sql = captureSql(database.pool);
    const parts: string[] = [];
    const due = { A: null, B: day(21), C: day(15), D: day(10), unset: day(10) };
    const warn = { A: null, B: day(18), C: day(12), D: day(7), unset: day(7) };
    const exempt = { locked: true, openDeal: true, won: false };
    await sql.db.transaction(async (tx) =>
      recall.listDueForRecall(tx, tenant.id, { due, exempt }, { afterId: newId(), limit: 500 }, true),
    );
    parts.push(sql.take('listDueForRecall (locked, after a position; tier A never, won not exempt)'));
    await recall.listWarnable(sql.db, tenant.id, { due, warn, exempt }, { limit: 500 }, false);
    parts.push(sql.take('listWarnable (dry run: no lock)'));
    await recall.markRecallWarned(sql.db, tenant.id, [newId()], at);
    parts.push(sql.take('markRecallWarned'));
    await recall.listOwnedNearRecall(sql.db, tenant.id, newId(), { warn, exempt }, 200);
    parts.push(sql.take('listOwnedNearRecall'));
    await expect(parts.join('\n')).toMatchFileSnapshot('./recall.repository.sql');
  });
});

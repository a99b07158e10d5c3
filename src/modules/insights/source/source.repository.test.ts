import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { captureSql } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import * as retention from './retention.repository.js';
import * as repo from './source.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const tenantId = '0190c9a8-0000-7000-8000-0000000000aa';
const id = '0190c9a8-0000-7000-8000-0000000000bb';
const at = new Date('2026-03-01T00:00:00Z');

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('source and retention repository queries', () => {
  it('match source.repository.sql', async () => {
    const sql = captureSql(database.pool);
    const parts: string[] = [];
    await repo.findEnabledSourceByWriteKey(sql.db, 'wk_x');
    parts.push(sql.take('findEnabledSourceByWriteKey'));
    await repo.listSourceRows(sql.db, tenantId);
    parts.push(sql.take('listSourceRows (system source left out)'));
    await repo.findSourceRow(sql.db, tenantId, id);
    parts.push(sql.take('findSourceRow'));
    await repo.findSourceRowByName(sql.db, tenantId, 'Web');
    parts.push(sql.take('findSourceRowByName'));
    const row = { tenantId, id, name: 'Web', kind: 'web', createdAt: at, updatedAt: at };
    await repo.insertSourceRow(sql.db, row);
    parts.push(sql.take('insertSourceRow (a taken name inserts nothing)'));
    await repo.updateSourceRow(sql.db, tenantId, id, { name: 'Site', retentionDays: null, updatedAt: at });
    parts.push(sql.take('updateSourceRow (fields left out stay)'));
    await repo.replaceWriteKey(sql.db, tenantId, id, 'wk_y', at);
    parts.push(sql.take('replaceWriteKey'));
    await expect(parts.join('\n')).toMatchFileSnapshot('./source.repository.sql');
  });

  it('match retention.repository.sql', async () => {
    const sql = captureSql(database.pool);
    const parts: string[] = [];
    await retention.listSourcesWithRetention(sql.db);
    parts.push(sql.take('listSourcesWithRetention'));
    await retention.deleteEventsBefore(sql.db, { tenantId, id }, at, 5000);
    parts.push(sql.take('deleteEventsBefore (one chunk)'));
    await retention.purgeMessageIdsBefore(sql.db, at, 5000);
    parts.push(sql.take('purgeMessageIdsBefore (offline sources kept)'));
    await retention.purgeSourceMessageIdsBefore(sql.db, { tenantId, id }, at, 5000);
    parts.push(sql.take('purgeSourceMessageIdsBefore'));
    await expect(parts.join('\n')).toMatchFileSnapshot('./retention.repository.sql');
  });
});

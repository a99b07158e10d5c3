import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { captureSql } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import * as repo from './document.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const tenantId = '0190c9a8-0000-7000-8000-0000000000aa';
const orderId = '0190c9a8-0000-7000-8000-0000000000bb';

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('document repository queries', () => {
  it('match document.repository.sql', async () => {
    const sql = captureSql(database.pool);
    const parts: string[] = [];
    await repo.findOrderHeader(sql.db, tenantId, orderId);
    parts.push(sql.take('findOrderHeader'));
    await repo.listOrderLines(sql.db, tenantId, orderId);
    parts.push(sql.take('listOrderLines'));
    await repo.listReservedStock(sql.db, tenantId, orderId);
    parts.push(sql.take('listReservedStock'));
    await expect(parts.join('\n')).toMatchFileSnapshot('./document.repository.sql');
  });
});

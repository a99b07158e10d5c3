import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { captureSql } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import {
  hasContact,
  insertFollowUp,
  listFollowUpsAfter,
  markCustomerContacted,
} from './follow-up.repository.js';
import { listPoolMovesAfter, listTierChangesAfter } from './activity.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('follow-up and timeline queries', () => {
  it('match follow-up.repository.sql', async () => {
    const { tenant } = await makeTenant(database.db);
    const sql = captureSql(database.pool);
    const at = new Date('2026-01-01T00:00:00Z');
    const cursor = { at, id: newId() };
    const customerId = newId();
    const parts: string[] = [];
    await insertFollowUp(sql.db, tenant.id, {
      id: newId(),
      customerId,
      channel: 'call',
      note: 'x',
      at,
      createdAt: at,
    });
    parts.push(sql.take('insertFollowUp'));
    await markCustomerContacted(
      sql.db,
      tenant.id,
      customerId,
      at,
      { budget: 'confirmed', objection: null },
      at,
    );
    parts.push(sql.take('markCustomerContacted (with facts)'));
    await hasContact(sql.db, tenant.id, newId());
    parts.push(sql.take('hasContact'));
    await listFollowUpsAfter(sql.db, tenant.id, customerId, undefined, 51);
    parts.push(sql.take('listFollowUpsAfter (first page)'));
    await listFollowUpsAfter(sql.db, tenant.id, customerId, cursor, 51);
    parts.push(sql.take('listFollowUpsAfter (after a cursor)'));
    await listTierChangesAfter(sql.db, tenant.id, customerId, cursor, 51);
    parts.push(sql.take('listTierChangesAfter (after a cursor)'));
    await listPoolMovesAfter(sql.db, tenant.id, customerId, cursor, 51);
    parts.push(sql.take('listPoolMovesAfter (after a cursor)'));
    await expect(parts.join('\n')).toMatchFileSnapshot('./follow-up.repository.sql');
  });
});

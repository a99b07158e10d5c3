import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { captureSql } from '../../../../test/helpers/sql-capture.js';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import * as repo from './merge.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('merge repository queries', () => {
  it('match merge.repository.sql', async () => {
    const { admin } = await makeTenant(database.db);
    const sql = captureSql(database.pool);
    const rep: Actor = { ...admin.actor, role: 'sales_rep', scope: 'own' };
    const t = admin.actor.tenantId;
    const [into, a, b] = [newId(), newId(), newId()];
    const parts: string[] = [];
    await repo.findVisibleCustomers(sql.db, rep, [a, b]);
    parts.push(sql.take('findVisibleCustomers (own scope)'));
    await repo.findMergedInto(sql.db, rep, [a]);
    parts.push(sql.take('findMergedInto'));
    await repo.lockCustomers(sql.db, t, [into, a, b]);
    parts.push(sql.take('lockCustomers'));
    await repo.listMembersOf(sql.db, t, [into, a]);
    parts.push(sql.take('listMembersOf'));
    const key = { customerId: a, personId: newId() };
    await repo.moveMembers(sql.db, t, into, [a, b], { drop: [key], unprimary: [key] }, new Date(0));
    parts.push(sql.take('moveMembers (drop, unprimary, move)'));
    for (const repointer of repo.REPOINTERS) {
      await repointer.repoint(sql.db, t, into, [a, b]);
      parts.push(sql.take(`REPOINTERS: ${repointer.relation}`));
    }
    await repo.recordMerges(sql.db, t, into, [
      { fromId: a, snapshot: {}, mergedByUserId: null, mergedAt: new Date(0) },
    ]);
    parts.push(sql.take('recordMerges'));
    await repo.deleteCustomers(sql.db, t, [a, b]);
    parts.push(sql.take('deleteCustomers'));
    await expect(parts.join('\n')).toMatchFileSnapshot('./merge.repository.sql');
  });
});

import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import type { Write } from '../message/batch-write.contract.js';
import * as touches from './person-touch.repository.js';
import * as writes from './person-write.repository.js';
import * as reads from './person.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const tenantId = '0190c9a8-0000-7000-8000-0000000000aa';
const personId = '0190c9a8-0000-7000-8000-0000000000bb';
const otherId = '0190c9a8-0000-7000-8000-0000000000cc';
const customerId = '0190c9a8-0000-7000-8000-0000000000dd';
const at = new Date('2026-03-01T00:00:00Z');
const identity = { kind: 'user_id' as const, value: 'u-1', personId };
const person: writes.PersonWrite = {
  id: personId,
  mergedInto: null,
  userId: 'u-1',
  traits: { plan: 'pro' },
  emailKey: 'a@example.com',
  phoneKey: null,
  crmPersonId: null,
  firstSeenAt: at,
  lastSeenAt: at,
};

/** Records the statement a builder makes by running it (a rejected one is recorded all the same). */
const built =
  (write: Write | undefined) =>
  (db: NodePgDatabase): Promise<unknown> =>
    db.execute(write!.sql).catch(() => undefined);

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('person repository queries', () => {
  it('match person.repository.sql', async () => {
    const text = await snapshotRepository(database.pool, reads, [
      [
        'findIdentitiesAndPersons (keys and seed persons)',
        (db) => reads.findIdentitiesAndPersons(db, tenantId, [identity], [otherId]),
      ],
      ['findPersonChains', (db) => reads.findPersonChains(db, tenantId, [personId])],
      ['lockPersons', (db) => reads.lockPersons(db, tenantId, [personId])],
      ['lockCrmContacts (keys in order)', (db) => reads.lockCrmContacts(db, tenantId, [customerId, otherId])],
      ['findPersonsOfContacts', (db) => reads.findPersonsOfContacts(db, tenantId, [customerId])],
    ]);
    await expect(text).toMatchFileSnapshot('./person.repository.sql');
  });

  it('match person-write.repository.sql', async () => {
    const account = { personId, customerId, groupId: 'g-1', lastSeenAt: at };
    const change = {
      id: otherId,
      personId,
      trait: 'plan',
      oldValue: null,
      newValue: 'pro',
      messageId: 'm-1',
      changedAt: at,
    };
    const text = await snapshotRepository(database.pool, writes, [
      ['insertPersonsSql', built(writes.insertPersonsSql(tenantId, [person], at))],
      ['updatePersonsSql', built(writes.updatePersonsSql(tenantId, [person], at))],
      ['insertIdentities (in key order)', (db) => writes.insertIdentities(db, tenantId, [identity], at)],
      ['repointIdentities', (db) => writes.repointIdentities(db, tenantId, [identity])],
      ['upsertAccountsSql', built(writes.upsertAccountsSql(tenantId, [account], at))],
      ['insertTraitChangesSql', built(writes.insertTraitChangesSql(tenantId, [change]))],
      [
        'moveToSurvivors',
        (db) => writes.moveToSurvivors(db, tenantId, [{ loserId: otherId, survivorId: personId }]),
      ],
    ]);
    await expect(text).toMatchFileSnapshot('./person-write.repository.sql');
  });

  it('match person-touch.repository.sql', async () => {
    const row = { id: personId, first: at.getTime(), last: at.getTime() };
    const text = await snapshotRepository(database.pool, touches, [
      [
        'touchPersonsSeen (one tenant, rows held elsewhere skipped)',
        (db) => touches.touchPersonsSeen(db, tenantId, [row]),
      ],
    ]);
    await expect(text).toMatchFileSnapshot('./person-touch.repository.sql');
  });
});

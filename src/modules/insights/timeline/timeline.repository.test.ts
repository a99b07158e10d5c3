import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { captureSql, planOf } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import type { CrmPersonScope } from '../identity/crm-link.contract.js';
import { findSurvivorId, listClusterMembers } from './person-cluster.repository.js';
import {
  isPersonInScope,
  listAccountLinks,
  listIdentities,
  listPersonRows,
  listSurvivors,
  listTraitChanges,
} from './person-view.repository.js';
import {
  ensureTestPartition,
  linkAccount,
  mergePerson,
  seedEvents,
  seedPerson,
} from './timeline-seed.test-helper.js';
import { listEventsOfAccount, listEventsOfPersons } from './timeline.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await ensureTestPartition(database.db);
});
afterAll(async () => database.close());

/** A stand-in for the CRM's scope SQL (insights tests do not import the crm context). */
function standInScope(tenantId: string, ownerUserId: string): CrmPersonScope {
  return {
    visibleCustomerIds: sql`select id from customers where tenant_id = ${tenantId} and owner_user_id = ${ownerUserId}`,
    customersOfContact: (crmPersonId) =>
      sql`select customer_id from account_members where tenant_id = ${tenantId} and person_id = ${crmPersonId}`,
  };
}

const after = { at: '2026-11-02T10:00:00.000001Z', id: newId() };

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('timeline repository queries', () => {
  it('match timeline.repository.sql', async () => {
    const sql = captureSql(database.pool);
    const [tenantId, personId, customerId] = [newId(), newId(), newId()];
    const parts: string[] = [];
    const take = (title: string) => parts.push(sql.take(title));
    await findSurvivorId(sql.db, tenantId, { personId, value: personId });
    take('findSurvivorId (a UUID: the person with that id first, then by identity)');
    await findSurvivorId(sql.db, tenantId, { value: 'u-1', emailKey: 'a@example.com' });
    take('findSurvivorId (userId, then anonymousId, then email key)');
    await listClusterMembers(sql.db, tenantId, { personIds: [personId] });
    take('listClusterMembers (given persons)');
    await listClusterMembers(sql.db, tenantId, { customerId });
    take('listClusterMembers (persons acting for an account)');
    await listClusterMembers(sql.db, tenantId, { crmPersonId: customerId });
    take('listClusterMembers (persons linked to a CRM contact)');
    await listEventsOfPersons(sql.db, tenantId, [personId, newId()], { limit: 51 });
    take('listEventsOfPersons (first page)');
    await listEventsOfPersons(sql.db, tenantId, [personId], {
      event: 'Signed Up',
      type: 'track',
      channel: 'web',
      after,
      limit: 11,
    });
    take('listEventsOfPersons (filtered, after a cursor)');
    await listEventsOfAccount(sql.db, tenantId, customerId, [personId], { after, limit: 51 });
    take('listEventsOfAccount (named events and its persons, after a cursor)');
    await listEventsOfAccount(sql.db, tenantId, customerId, [], { limit: 51 });
    take('listEventsOfAccount (no person acts for it)');
    await listSurvivors(sql.db, tenantId, { limit: 51 });
    take('listSurvivors (first page)');
    await listSurvivors(sql.db, tenantId, { q: 'ann_', after, limit: 51 });
    take('listSurvivors (search, after a cursor)');
    const scope = standInScope(tenantId, personId);
    await listSurvivors(sql.db, tenantId, { limit: 51, scope });
    take('listSurvivors (within a CRM scope)');
    await isPersonInScope(sql.db, tenantId, personId, scope);
    take('isPersonInScope');
    await listPersonRows(sql.db, tenantId, [personId]);
    take('listPersonRows');
    await listIdentities(sql.db, tenantId, [personId]);
    take('listIdentities');
    await listAccountLinks(sql.db, tenantId, [personId]);
    take('listAccountLinks');
    await listTraitChanges(sql.db, tenantId, [personId], 1000);
    take('listTraitChanges');
    await expect(parts.join('\n')).toMatchFileSnapshot('./timeline.repository.sql');
  });
});

describe('timeline query plans', () => {
  let tenantId: string;
  let personIds: string[];
  let customerId: string;

  beforeAll(async () => {
    tenantId = newId();
    customerId = newId();
    // Two persons with 1,500 events each, 38 with 50, a tenth naming the account; another tenant's noise.
    personIds = [];
    for (let p = 0; p < 40; p++) personIds.push(await seedPerson(database.db, tenantId, {}));
    for (const noise of [newId(), newId()]) {
      await seedEvents(database.db, noise, bulk(await seedPerson(database.db, noise, {}), 0, 500));
    }
    for (const [p, personId] of personIds.entries()) {
      await seedEvents(database.db, tenantId, bulk(personId, p, p < 2 ? 1500 : 50, customerId));
    }
    await linkAccount(database.db, tenantId, personIds[0]!, customerId);
    await database.db.execute('analyze events_2026_11');
  });

  it('read a person timeline through events_person_idx, one ordered index scan per person', async () => {
    const plan = await planOf(database.pool, (db) =>
      listEventsOfPersons(db, tenantId, personIds.slice(0, 2), { event: 'Viewed', after, limit: 51 }),
    );
    // Ordered scans merged by time (no bitmap scan and sort of a whole history).
    expect(plan).toContain(`Index Scan using ${await partitionIndexOf('events_person_idx')}`);
    expect(plan).toContain('Merge Append');
    expect(plan).not.toMatch(/Seq Scan on events|Bitmap Heap Scan/);
  });

  it('read a large merge cluster through events_person_idx too', async () => {
    const plan = await planOf(database.pool, (db) =>
      listEventsOfPersons(db, tenantId, personIds, { limit: 51 }),
    );
    expect(plan).toContain(await partitionIndexOf('events_person_idx'));
    expect(plan).not.toMatch(/Seq Scan on events/);
  });

  it('read an account timeline through events_customer_idx and events_person_idx', async () => {
    const plan = await planOf(database.pool, (db) =>
      listEventsOfAccount(db, tenantId, customerId, [personIds[0]!], { limit: 51 }),
    );
    expect(plan).toContain(`Index Scan using ${await partitionIndexOf('events_customer_idx')}`);
    expect(plan).toContain(`Index Scan using ${await partitionIndexOf('events_person_idx')}`);
    expect(plan).not.toMatch(/Seq Scan on events/);
  });

  it('walk merge clusters through persons_merged_into_idx', async () => {
    await database.db.execute(sql`insert into persons (tenant_id, id, traits, first_seen_at, last_seen_at,
        created_at, updated_at)
      select ${tenantId}, gen_random_uuid(), '{}', now(), now(), now(), now() from generate_series(1, 3000)`);
    await mergePerson(database.db, tenantId, personIds[1]!, personIds[0]!);
    await database.db.execute('analyze persons');
    const plan = await planOf(database.pool, (db) =>
      listClusterMembers(db, tenantId, { personIds: [personIds[0]!] }),
    );
    expect(plan).toContain('persons_merged_into_idx');
    expect(plan).not.toMatch(/Seq Scan on persons/);
  });
});

/** `count` events of a person over November, every tenth naming `customerId`. */
function bulk(personId: string, offset: number, count: number, customerId?: string) {
  return Array.from({ length: count }, (_, i) => ({
    personId,
    customerId: customerId && i % 10 === 0 ? customerId : null,
    event: i % 3 === 0 ? 'Viewed' : 'Clicked',
    timestamp: new Date(Date.UTC(2026, 10, 1) + (i * 17 + offset) * 60_000).toISOString(),
  }));
}

/** The name the partition's copy of a partitioned index has. */
async function partitionIndexOf(parent: string): Promise<string> {
  const result = await database.pool.query<{ relname: string }>(
    `select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
     where i.inhparent = $1::regclass`,
    [parent],
  );
  expect(result.rows).toHaveLength(1);
  return result.rows[0]!.relname;
}

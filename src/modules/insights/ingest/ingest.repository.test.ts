import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import * as dedup from './dedup.repository.js';
import * as repo from './ingest.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const source = {
  tenantId: '0190c9a8-0000-7000-8000-0000000000aa',
  sourceId: '0190c9a8-0000-7000-8000-0000000000bb',
};
const at = new Date('2026-03-01T00:00:00Z');
const write = { sql: sql`select '0190c9a8-0000-7000-8000-0000000000cc'::uuid as id`, returnsIds: true };

// The SQL is the same on both engines: snapshot it once, in the PGlite project. The claim builder
// is recorded by running what it builds.
describe.skipIf(testEngine() !== 'pglite')('ingest repository queries', () => {
  it('match ingest.repository.sql', async () => {
    const text = await snapshotRepository(database.pool, repo, [
      ['executeWrites (ids of the returnsIds writes)', (db) => repo.executeWrites(db, [write, undefined])],
      [
        'claimAndInsert (a claim and the insert reading it)',
        (db) => repo.claimAndInsert(db, dedup.claimMessageIdsSql(source, ['m-2', 'm-1'], at), write),
      ],
    ]);
    await expect(text).toMatchFileSnapshot('./ingest.repository.sql');
  });

  it('match dedup.repository.sql', async () => {
    const text = await snapshotRepository(database.pool, dedup, [
      [
        'claimMessageIdsSql (ids sorted)',
        (db) => db.execute(dedup.claimMessageIdsSql(source, ['m-2', 'm-1'], at)),
      ],
    ]);
    await expect(text).toMatchFileSnapshot('./dedup.repository.sql');
  });
});

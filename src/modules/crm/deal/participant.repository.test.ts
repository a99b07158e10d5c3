import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import * as repo from './participant.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const at = new Date('2026-01-01T00:00:00Z');

describe.skipIf(testEngine() !== 'pglite')('deal participant queries', () => {
  it('match participant.repository.sql', async () => {
    const { tenant } = await makeTenant(database.db);
    const t = tenant.id;
    const dealId = newId();
    const personId = newId();
    const row = {
      tenantId: t,
      dealId,
      personId,
      roles: ['decision_maker'],
      department: 'IT',
      stance: 'supporter',
      updatedAt: at,
    };
    const text = await snapshotRepository(database.pool, repo, [
      ['upsertParticipant', (db) => repo.upsertParticipant(db, row)],
      ['listParticipantRows', (db) => repo.listParticipantRows(db, t, dealId)],
      ['deleteParticipants', (db) => repo.deleteParticipants(db, t, dealId, [personId])],
    ]);
    await expect(text).toMatchFileSnapshot('./participant.repository.sql');
  });
});

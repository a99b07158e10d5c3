import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { insertTenant, insertUser } from './identity.repository.js';
import * as repo from './invitation.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

describe.skipIf(testEngine() !== 'pglite')('invitation repository queries', () => {
  it('match invitation.repository.sql', async () => {
    const id = newId();
    const now = new Date('2026-01-01T00:00:00Z');
    await insertTenant(database.db, { id, slug: `t-${id}`, name: 'T', createdAt: now });
    await insertUser(database.db, { id, email: `${id}@example.com`, name: 'U', passwordHash: null });
    const text = await snapshotRepository(database.pool, repo, [
      [
        'insertInvitation',
        (db) =>
          repo.insertInvitation(db, {
            tenantId: id,
            id,
            email: 'a@b.c',
            name: 'A',
            role: 'sales_rep',
            secret: 's',
            expiresAt: now,
            createdAt: now,
          }),
      ],
      ['findPendingInvitation', (db) => repo.findPendingInvitation(db, id, id, now)],
      ['listPendingInvitations', (db) => repo.listPendingInvitations(db, id, now)],
      ['revokeInvitationsOfEmail', (db) => repo.revokeInvitationsOfEmail(db, id, 'a@b.c', now)],
      ['revokeInvitation', (db) => repo.revokeInvitation(db, id, id, now)],
      ['markInvitationAccepted', (db) => repo.markInvitationAccepted(db, id, id, id, now)],
    ]);
    await expect(text).toMatchFileSnapshot('./invitation.repository.sql');
  });
});

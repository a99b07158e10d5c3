import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import * as repo from './identity.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

// The SQL is the same on both engines: snapshot it once, in the PGlite project. The inserts make one
// fresh tenant, user, team, session and key in this file's own database, in an order the keys allow.
describe.skipIf(testEngine() !== 'pglite')('identity repository queries', () => {
  it('match identity.repository.sql', async () => {
    const id = newId();
    const now = new Date('2026-01-01T00:00:00Z');
    const tenant = { id, slug: `t-${id}`, name: 'T', createdAt: now };
    const user = {
      id,
      email: `${id}@example.com`,
      name: 'U',
      passwordHash: null,
      locale: null,
      createdAt: now,
    };
    const text = await snapshotRepository(database.pool, repo, [
      ['findTenantBySlug', (db) => repo.findTenantBySlug(db, 'demo')],
      ['findTenantById', (db) => repo.findTenantById(db, id)],
      ['countTenants', (db) => repo.countTenants(db)],
      ['listTenantIds', (db) => repo.listTenantIds(db)],
      ['insertTenant', (db) => repo.insertTenant(db, tenant)],
      ['findUserByEmail', (db) => repo.findUserByEmail(db, 'a@b.c')],
      ['findUserById', (db) => repo.findUserById(db, id)],
      ['insertUser', (db) => repo.insertUser(db, user)],
      ['updateUserLocale', (db) => repo.updateUserLocale(db, id, 'en')],
      [
        'upsertMembership',
        (db) => repo.upsertMembership(db, { tenantId: id, userId: id, role: 'admin', scope: null }),
      ],
      ['findMembership', (db) => repo.findMembership(db, id, id)],
      ['listMembershipsOfUser', (db) => repo.listMembershipsOfUser(db, id)],
      ['listMembersOfTenant', (db) => repo.listMembersOfTenant(db, id)],
      ['updateMembership', (db) => repo.updateMembership(db, id, id, { role: 'admin', scope: 'all' })],
      ['countAdmins', (db) => repo.countAdmins(db, id)],
      ['listTeamIdsOfUser', (db) => repo.listTeamIdsOfUser(db, id, id)],
      ['listTeams', (db) => repo.listTeams(db, id)],
      ['findTeam', (db) => repo.findTeam(db, id, id)],
      ['insertTeam', (db) => repo.insertTeam(db, { tenantId: id, id, name: 'Team' })],
      ['renameTeam', (db) => repo.renameTeam(db, id, id, 'Renamed')],
      ['addTeamMember', (db) => repo.addTeamMember(db, id, id, id)],
      ['listTeamMemberships', (db) => repo.listTeamMemberships(db, id)],
      ['removeTeamMembers', (db) => repo.removeTeamMembers(db, id, id)],
      ['removeUserFromTeams', (db) => repo.removeUserFromTeams(db, id, id)],
      [
        'insertSession',
        (db) => repo.insertSession(db, { tokenHash: id, userId: id, tenantId: id, expiresAt: now }),
      ],
      ['findSessionMember', (db) => repo.findSessionMember(db, 'hash', now)],
      ['deleteExpiredSessions', (db) => repo.deleteExpiredSessions(db, id, now)],
      ['deleteSession', (db) => repo.deleteSession(db, 'hash')],
      ['deleteSessionsInTenant', (db) => repo.deleteSessionsInTenant(db, id, id)],
      [
        'insertApiKey',
        (db) =>
          repo.insertApiKey(db, {
            id,
            tenantId: id,
            name: 'k',
            role: 'admin',
            prefix: 'kehu_x',
            keyHash: id,
          }),
      ],
      ['findLiveApiKeyByHash', (db) => repo.findLiveApiKeyByHash(db, 'hash', now)],
      ['findLiveApiKey', (db) => repo.findLiveApiKey(db, id, id, now)],
      ['setApiKeyExpiry', (db) => repo.setApiKeyExpiry(db, id, id, now)],
      ['touchApiKey', (db) => repo.touchApiKey(db, id, now)],
      ['listApiKeys', (db) => repo.listApiKeys(db, id)],
      ['revokeApiKey', (db) => repo.revokeApiKey(db, id, id, now)],
      ['deleteMembership', (db) => repo.deleteMembership(db, id, id)],
      ['listUserNames', (db) => repo.listUserNames(db, [id])],
    ]);
    await expect(text).toMatchFileSnapshot('./identity.repository.sql');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.js';
import { testEngine } from '../../../test/helpers/engine.js';
import { captureSql } from '../../../test/helpers/sql-capture.js';
import type { Database } from '../db/database.js';
import { newId } from '../ids.js';
import * as repo from './identity.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('identity repository queries', () => {
  it('match identity.repository.sql', async () => {
    const sql = captureSql(database.pool);
    const id = newId();
    const now = new Date('2026-01-01T00:00:00Z');
    const calls: [string, () => Promise<unknown>][] = [
      ['findTenantBySlug', () => repo.findTenantBySlug(sql.db, 'demo')],
      ['findUserByEmail', () => repo.findUserByEmail(sql.db, 'a@b.c')],
      ['findMembership', () => repo.findMembership(sql.db, id, id)],
      ['listMembershipsOfUser', () => repo.listMembershipsOfUser(sql.db, id)],
      ['listMembersOfTenant', () => repo.listMembersOfTenant(sql.db, id)],
      ['listTeamIdsOfUser', () => repo.listTeamIdsOfUser(sql.db, id, id)],
      ['listTeams', () => repo.listTeams(sql.db, id)],
      ['findSessionMember', () => repo.findSessionMember(sql.db, 'hash', now)],
      ['deleteExpiredSessions', () => repo.deleteExpiredSessions(sql.db, id, now)],
      ['findLiveApiKeyByHash', () => repo.findLiveApiKeyByHash(sql.db, 'hash')],
      ['listApiKeys', () => repo.listApiKeys(sql.db, id)],
      ['revokeApiKey', () => repo.revokeApiKey(sql.db, id, id, now)],
    ];
    const parts: string[] = [];
    for (const [title, call] of calls) {
      await call();
      parts.push(sql.take(title));
    }
    await expect(parts.join('\n')).toMatchFileSnapshot('./identity.repository.sql');
  });
});

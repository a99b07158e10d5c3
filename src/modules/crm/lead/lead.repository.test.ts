import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import * as repo from './lead.repository.js';
import * as settings from './lead-settings.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const at = new Date('2026-01-01T00:00:00Z');

describe.skipIf(testEngine() !== 'pglite')('lead queries', () => {
  it('match lead.repository.sql', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const actor = admin.actor;
    const own = { ...actor, scope: 'own' as const };
    const t = tenant.id;
    const id = newId();
    const row: repo.NewLeadRow = {
      id,
      kind: 'business',
      name: 'Acme',
      contactName: null,
      phone: null,
      email: null,
      region: null,
      source: 'manual',
      sourceRef: null,
      productId: null,
      formId: null,
      formVersion: null,
      answers: {},
      people: [],
      language: 'en',
      status: 'new',
      disqualifyReason: null,
      note: null,
      ownerUserId: admin.id,
      teamId: null,
      assignedAt: at,
      customerId: null,
      dealId: null,
      shareTokenHash: null,
      shareExpiresAt: null,
      qualifiedAt: null,
      convertedAt: null,
      createdAt: at,
      updatedAt: at,
    };
    const query = { limit: 50, status: 'new', kind: 'business', source: 's', q: 'a_%', after: id } as const;
    const text = await snapshotRepository(database.pool, repo, [
      ['insertLeads', (db) => repo.insertLeads(db, actor, [row])],
      ['findVisibleLead (scope all)', (db) => repo.findVisibleLead(db, actor, id)],
      ['findVisibleLead (scope own)', (db) => repo.findVisibleLead(db, own, id)],
      ['lockLead', (db) => repo.lockLead(db, t, id)],
      ['listVisibleLeads (first page)', (db) => repo.listVisibleLeads(db, actor, { limit: 50 }, 51)],
      ['listVisibleLeads (filtered, after a cursor)', (db) => repo.listVisibleLeads(db, actor, query, 51)],
      ['updateLead', (db) => repo.updateLead(db, actor, id, { status: 'working', updatedAt: at })],
      ['findLeadByShareToken', (db) => repo.findLeadByShareToken(db, t, 'hash')],
      ['listFormAnswers', (db) => repo.listFormAnswers(db, actor, newId(), id, 101)],
    ]);
    await expect(text).toMatchFileSnapshot('./lead.repository.sql');
  });

  it('match lead-settings.repository.sql', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const t = tenant.id;
    const text = await snapshotRepository(database.pool, settings, [
      ['saveLeadSettings', (db) => settings.saveLeadSettings(db, t, { a: 1 }, at)],
      ['findLeadSettings', (db) => settings.findLeadSettings(db, t)],
      ['findLeadSettings (locked)', (db) => settings.findLeadSettings(db, t, true)],
      ['setRotation', (db) => settings.setRotation(db, t, 3)],
      ['countAssignedSince', (db) => settings.countAssignedSince(db, t, [admin.id], at)],
    ]);
    await expect(text).toMatchFileSnapshot('./lead-settings.repository.sql');
  });
});

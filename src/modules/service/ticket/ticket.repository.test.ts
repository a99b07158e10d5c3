import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant, makeUser } from '../../../../test/helpers/factories.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { crmLink } from '../../crm/index.js';
import * as repo from './ticket.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const at = new Date('2026-12-08T01:30:00Z');

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('ticket queries', () => {
  it('match ticket.repository.sql', async () => {
    const { tenant } = await makeTenant(database.db);
    const t = tenant.id;
    const ticket = {
      tenantId: t,
      id: newId(),
      number: 1,
      subject: 'Invoice',
      priority: 'normal',
      status: 'open',
      createdAt: at,
      pausedBusinessMinutes: 0,
      updatedAt: at,
    };
    const reply = {
      tenantId: t,
      id: newId(),
      ticketId: ticket.id,
      body: 'Hi',
      isPublic: true,
      createdAt: at,
    };
    const rep = await makeUser(database.db, tenant, 'sales_rep');
    const customers = crmLink.personScope(rep.actor)!.visibleCustomerIds;
    const text = await snapshotRepository(database.pool, repo, [
      ['takeTicketNumber', (db) => repo.takeTicketNumber(db, t)],
      ['insertTicket', (db) => repo.insertTicket(db, ticket)],
      ['findTicket', (db) => repo.findTicket(db, t, ticket.id)],
      ['findTicket (locked)', (db) => repo.findTicket(db, t, ticket.id, true)],
      ['updateTicket', (db) => repo.updateTicket(db, t, ticket.id, { status: 'pending', pausedAt: at })],
      [
        'listTickets (first page, every filter, scoped)',
        (db) =>
          repo.listTickets(
            db,
            t,
            { status: 'open', priority: 'high', customerId: newId(), breachingAt: at },
            { customerIds: customers, userId: rep.id },
            undefined,
            51,
          ),
      ],
      [
        'listTickets (after a cursor, not breaching)',
        (db) => repo.listTickets(db, t, { notBreachingAt: at }, undefined, { at, id: ticket.id }, 51),
      ],
      ['listUnsolvedTicketsOfPolicies', (db) => repo.listUnsolvedTicketsOfPolicies(db, t, [newId()], 5001)],
      ['insertReply', (db) => repo.insertReply(db, reply)],
      ['listReplies', (db) => repo.listReplies(db, t, ticket.id)],
    ]);
    await expect(text).toMatchFileSnapshot('./ticket.repository.sql');
  });
});

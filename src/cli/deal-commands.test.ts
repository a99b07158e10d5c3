import { Writable } from 'node:stream';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers/db.js';
import { makeTenant, makeUser } from '../../test/helpers/factories.js';
import { createCustomer, createDeal } from '../modules/crm/index.js';
import { fixedClock } from '../platform/clock.js';
import type { Database } from '../platform/db/database.js';
import { registerDealCommands } from './deal-commands.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

function collector(): Writable & { text(): string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return Object.assign(stream, { text: () => Buffer.concat(chunks).toString('utf8') });
}

async function kehu(args: string[]) {
  const stdout = collector();
  const stderr = collector();
  const program = new Command().exitOverride();
  registerDealCommands(program, {
    run: (work) => work(database),
    clock: fixedClock('2026-03-02T02:00:00Z'),
    stdout,
    stderr,
  });
  await program.parseAsync(args, { from: 'user' });
  return { stdout: stdout.text(), stderr: stderr.text() };
}

describe('kehu deals export', () => {
  it('writes the deals a member may see as CSV, with customer, stage and owner', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const rep = await makeUser(database.db, tenant, 'sales_rep');
    const deps = { db: database.db, clock: fixedClock('2026-03-01T00:00:00Z') };
    const mine = await createCustomer(deps, rep.actor, { kind: 'business', name: '云帆科技' });
    const theirs = await createCustomer(deps, admin.actor, { kind: 'consumer', name: 'Emma Chen' });
    await createDeal(deps, rep.actor, { customerId: mine.id, name: '=SUM(A1)', amount: 120000 });
    await createDeal(deps, admin.actor, { customerId: theirs.id, name: 'Sofa', amount: 5000 });

    const all = await kehu(['deals', 'export', '--tenant', tenant.slug, '--encoding', 'utf-8']);
    const lines = all.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'id,name,customerId,customerName,pipelineId,stage,outcome,amount,tax,currency,probability,expectedCloseDate,owner,lostReason,createdAt,closedAt',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(',Sofa,');
    expect(lines[2]).toContain(`'=SUM(A1)`);
    expect(lines[2]).toContain(`,云帆科技,`);
    expect(lines[2]).toContain(`,Reach the customer,open,120000,0,CNY,0.05,,${rep.email},`);
    expect(all.stderr).toBe('exported 2 deals\n');

    const own = await kehu([
      'deals',
      'export',
      '--tenant',
      tenant.slug,
      '--as',
      rep.email,
      '--encoding',
      'utf-8',
    ]);
    expect(own.stdout.trimEnd().split('\r\n')).toHaveLength(2);
  });
});

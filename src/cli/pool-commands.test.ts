import { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers/db.js';
import { makeTenant } from '../../test/helpers/factories.js';
import { fixedClock } from '../platform/clock.js';
import type { Database } from '../platform/db/database.js';
import { createCustomer } from '../modules/crm/customer/customer.service.js';
import { customers } from '../modules/crm/customer/customer.table.js';
import { registerPoolCommands } from './pool-commands.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

/** Runs `kehu <args>` in-process on the test database and returns what it printed. */
async function kehu(args: string[], clock: ReturnType<typeof fixedClock>): Promise<string[]> {
  const printed: string[] = [];
  const program = new Command().exitOverride();
  registerPoolCommands(program, {
    withDb: (work) => work(database),
    clock,
    print: (line) => printed.push(line),
  });
  await program.parseAsync(['node', 'kehu', ...args]);
  return printed;
}

describe('kehu crm recall', () => {
  it('reports in a dry run, then recalls, one line per customer and a summary', async () => {
    const clock = fixedClock('2026-05-01T00:00:00Z');
    const { tenant, admin } = await makeTenant(database.db);
    const deps = { db: database.db, clock };
    const id = (
      await createCustomer(deps, admin.actor, { kind: 'business', name: '杭州远景贸易', intentTier: 'C' })
    ).id;
    clock.advanceDays(16);
    const dry = await kehu(['crm', 'recall', '--tenant', tenant.slug, '--dry-run'], clock);
    expect(dry).toEqual([
      `recalled  ${id}  杭州远景贸易  -> 公海 (new)  (no follow-up for 16 days (tier C allows 15))`,
      '1 recalled, 0 warned (dry run: nothing changed)',
    ]);
    expect((await database.db.select().from(customers).where(eq(customers.id, id)))[0]!.poolId).toBeNull();
    const real = await kehu(['crm', 'recall', '--tenant', tenant.slug], clock);
    expect(real).toEqual([
      `recalled  ${id}  杭州远景贸易  -> 公海  (no follow-up for 16 days (tier C allows 15))`,
      '1 recalled, 0 warned',
    ]);
    expect(await kehu(['crm', 'recall', '--tenant', tenant.slug], clock)).toEqual(['0 recalled, 0 warned']);
  });

  it('joins an existing crm command group and refuses an unknown tenant', async () => {
    const program = new Command().exitOverride();
    program.command('crm').command('import');
    registerPoolCommands(program, { withDb: (work) => work(database), print: () => undefined });
    expect(program.commands.filter((c) => c.name() === 'crm')).toHaveLength(1);
    await expect(
      program.parseAsync(['node', 'kehu', 'crm', 'recall', '--tenant', 'no-such-tenant']),
    ).rejects.toMatchObject({ code: 'auth.tenant.not_found' });
  });
});

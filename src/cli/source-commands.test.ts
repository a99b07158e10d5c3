import { Writable } from 'node:stream';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, useCliDatabase } from '../../test/helpers/cli.js';
import { createTestDatabase } from '../../test/helpers/db.js';
import { makeTenant } from '../../test/helpers/factories.js';
import { findSourceByWriteKey } from '../modules/insights/source/source.service.js';
import { fixedClock } from '../platform/clock.js';
import type { Database } from '../platform/db/database.js';
import { registerSourceCommands } from './source-commands.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

/** Runs `kehu <args>` in process against the test database; answers what it printed. */
async function kehu(args: string[]): Promise<string> {
  const chunks: Buffer[] = [];
  const stdout = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  const program = new Command().exitOverride();
  registerSourceCommands(program, {
    run: (work) => work(database),
    clock: fixedClock('2026-03-01T00:00:00Z'),
    stdout,
  });
  await program.parseAsync(args, { from: 'user' });
  return Buffer.concat(chunks).toString('utf8');
}

describe('kehu source', () => {
  it('creates a source and prints only its write key; lists sources as a table', async () => {
    const { tenant } = await makeTenant(database.db);
    const key = await kehu(['source', 'create', '--tenant', tenant.slug, '--name', '官网']);
    expect(key).toMatch(/^wk_[A-Za-z0-9_-]{32}\n$/);
    expect(await findSourceByWriteKey(database, key.trim())).toMatchObject({
      tenantId: tenant.id,
      kind: 'web',
    });
    const offline = await kehu([
      'source',
      'create',
      '--tenant',
      tenant.slug,
      '--name',
      'Salon',
      '--kind',
      'offline',
      '--rate',
      '10',
      '--retention-days',
      '90',
    ]);
    const table = (await kehu(['source', 'list', '--tenant', tenant.slug])).split('\n');
    expect(table[0]).toMatch(/^NAME\s+KIND\s+WRITE KEY\s+RATE\/S\s+RETENTION\s+STATE\s+ID$/);
    expect(table[1]).toMatch(
      new RegExp(`^Salon\\s+offline\\s+${offline.trim()}\\s+10\\s+90 days\\s+enabled\\s+[0-9a-f-]{36}$`),
    );
    expect(table[2]).toMatch(new RegExp(`^官网\\s+web\\s+${key.trim()}\\s+2000\\s+forever\\s+enabled`));
    // Columns line up on a terminal, where each of 官网's two characters takes two columns.
    expect(table[1]!.indexOf('offline')).toBe(table[2]!.indexOf('web') + 2);
    expect(table).toHaveLength(4);
  });

  it('refuses a taken name, an unknown tenant, a bad kind and a bad number', async () => {
    const { tenant } = await makeTenant(database.db);
    await kehu(['source', 'create', '--tenant', tenant.slug, '--name', 'App', '--kind', 'app']);
    await expect(kehu(['source', 'create', '--tenant', tenant.slug, '--name', 'App'])).rejects.toMatchObject({
      code: 'insights.source.name_taken',
    });
    await expect(kehu(['source', 'list', '--tenant', 'no-such-tenant'])).rejects.toMatchObject({
      kind: 'not_found',
    });
    await expect(
      kehu(['source', 'create', '--tenant', tenant.slug, '--name', 'X', '--kind', 'system']),
    ).rejects.toThrow(/Allowed choices are web, app, mini_program, server, offline/);
    await expect(
      kehu(['source', 'create', '--tenant', tenant.slug, '--name', 'X', '--rate', 'fast']),
    ).rejects.toThrow(/a whole number/);
    await expect(
      kehu(['source', 'create', '--tenant', tenant.slug, '--name', 'X', '--retention-days', '0']),
    ).rejects.toMatchObject({ name: 'ZodError' });
  });
});

describe('kehu source (the real command)', () => {
  const cli = useCliDatabase('kehu-source-cli-');

  it('prints the write key alone on stdout, so KEY=$(kehu source create ...) works', async () => {
    expect((await runCli(['tenant', 'create', 'acme', '--name', 'Acme'], cli.env)).code).toBe(0);
    const created = await runCli(
      ['source', 'create', '--tenant', 'acme', '--name', 'Web', '--kind', 'web'],
      cli.env,
    );
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^wk_[A-Za-z0-9_-]{32}\n$/);
    const again = await runCli(['source', 'create', '--tenant', 'acme', '--name', 'Web'], cli.env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('A source named "Web" exists already.');
  });
});

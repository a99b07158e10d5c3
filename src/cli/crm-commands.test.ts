import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { Command } from 'commander';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers/db.js';
import { makeTenant, makeUser } from '../../test/helpers/factories.js';
import { fixedClock } from '../platform/clock.js';
import type { Database } from '../platform/db/database.js';
import { registerCrmCommands } from './crm-commands.js';
import { registerPoolCommands } from './pool-commands.js';

let database: Database;
let dir: string;
beforeAll(async () => {
  database = await createTestDatabase();
  dir = mkdtempSync(path.join(os.tmpdir(), 'kehu-crm-cli-'));
});
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A stream that keeps what is written to it. */
function collector(isTTY = false): Writable & { text(): string; isTTY: boolean } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return Object.assign(stream, {
    isTTY,
    text: () => Buffer.concat(chunks).toString('utf8'),
    bytes: () => Buffer.concat(chunks),
  });
}

/** Runs `kehu <args>` in process against the test database; answers what it printed. */
async function kehu(args: string[], isTTY = false) {
  const stdout = collector();
  const stderr = collector(isTTY);
  const program = new Command().exitOverride();
  registerCrmCommands(program, {
    run: (work) => work(database),
    clock: fixedClock('2026-03-02T02:00:00Z'),
    stdout,
    stderr,
  });
  await program.parseAsync(args, { from: 'user' });
  return {
    stdout: stdout.text(),
    stderr: stderr.text(),
    bytes: (stdout as unknown as { bytes(): Buffer }).bytes(),
  };
}

describe('kehu crm import / export', () => {
  it('share the crm group with the other crm commands, whichever registers first', () => {
    for (const order of [
      [registerCrmCommands, registerPoolCommands],
      [registerPoolCommands, registerCrmCommands],
    ] as const) {
      const program = new Command();
      for (const register of order) register(program);
      const crm = program.commands.filter((command) => command.name() === 'crm');
      expect(crm).toHaveLength(1);
      expect(crm[0]!.commands.map((command) => command.name()).sort()).toEqual([
        'export',
        'import',
        'recall',
      ]);
    }
  });

  it('imports a GB18030 file with plain progress lines and a readable report', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const lines = ['客户名称,手机,类型,意向等级'];
    for (let i = 0; i < 25; i++) lines.push(`客户${i},1380013${String(8000 + i)},个人,${'ABCD'[i % 4]}`);
    lines.push('坏行,13800138000,外星人,A', '客户重复,+86 138 0013 8000,个人,B');
    const file = path.join(dir, 'customers.csv');
    writeFileSync(file, iconv.encode(lines.join('\r\n'), 'gb18030'));

    // A system admin owns nobody's customers: the rows need an owner or a pool.
    await expect(kehu(['crm', 'import', file, '--tenant', tenant.slug])).rejects.toThrow(
      'default owner or pool',
    );
    const owner = ['--owner', admin.email];
    const dry = await kehu(['crm', 'import', file, '--tenant', tenant.slug, ...owner, '--dry-run']);
    expect(dry.stdout).toMatch(
      /^dry run \(nothing written\): would have created 25, updated 0, duplicates 1, rejected 1 of 27 rows \(gb18030\)/,
    );
    expect(dry.stderr).toBe('checked 27/27 rows (100%)\n');

    const run = await kehu(['crm', 'import', file, '--tenant', tenant.slug, ...owner]);
    expect(run.stderr).toBe('imported 27/27 rows (100%)\n');
    expect(run.stdout).toContain('created 25, updated 0, duplicates 1, rejected 1 of 27 rows');
    expect(run.stdout).toMatch(
      /likely duplicates:\n {2}line 28: skipped, same phone as [0-9a-f-]{36} \(line 2\)/,
    );
    expect(run.stdout).toContain(
      'rejected:\n  line 27: kind: "外星人" is not one of: business, consumer, government',
    );

    const json = await kehu([
      'crm',
      'import',
      file,
      '--tenant',
      tenant.slug,
      ...owner,
      '--json',
      '--on-duplicate',
      'create',
    ]);
    // Every row repeats one imported above; asked to, the import creates them anyway.
    const report = JSON.parse(json.stdout) as {
      created: number;
      rejectedRows: number;
      duplicates: { outcome: string }[];
    };
    expect(report).toMatchObject({ created: 26, rejectedRows: 1 });
    expect(report.duplicates.map((d) => d.outcome)).toEqual(Array(26).fill('created'));
  });

  it('acts as a member with --as, maps headers with --map and draws a bar on a terminal', async () => {
    const { tenant } = await makeTenant(database.db);
    const rep = await makeUser(database.db, tenant, 'sales_rep');
    const file = path.join(dir, 'mapped.csv');
    writeFileSync(file, 'Kunde,Telefon,Notiz\nAcme,010-1234 5678,x\n');
    const run = await kehu(
      [
        'crm',
        'import',
        file,
        '--tenant',
        tenant.slug,
        '--as',
        rep.email,
        '--kind',
        'business',
        '--map',
        'Kunde=name,Telefon=phone,Notiz=ignore',
      ],
      true,
    );
    expect(run.stdout).toContain('created 1,');
    expect(run.stderr).toContain('importing [');
    expect(run.stderr).toContain('1/1 rows');

    const out = path.join(dir, 'export.csv');
    const exported = await kehu([
      'crm',
      'export',
      '--tenant',
      tenant.slug,
      '--as',
      rep.email,
      '--out',
      out,
      '--encoding',
      'utf-8',
    ]);
    expect(exported.stderr).toBe(`exported 1 customers to ${out}\n`);
    const text = readFileSync(out, 'utf8');
    expect(text.split('\r\n')[1]).toMatch(
      new RegExp(`^[0-9a-f-]{36},business,Acme,010-1234 5678,.*${rep.email}`),
    );

    const toStdout = await kehu([
      'crm',
      'export',
      '--tenant',
      tenant.slug,
      '--encoding',
      'gb18030',
      '--kind',
      'business',
    ]);
    expect(iconv.decode(toStdout.bytes, 'gb18030')).toBe(text);
    await expect(
      kehu(['crm', 'import', file, '--tenant', tenant.slug, '--as', 'ghost@x.cn']),
    ).rejects.toThrow('not a member');
    await expect(kehu(['crm', 'import', file, '--tenant', tenant.slug, '--map', 'Kunde'])).rejects.toThrow(
      '--map',
    );
  });
});

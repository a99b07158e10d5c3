import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers/db.js';
import { makeTenant } from '../../test/helpers/factories.js';
import { listLeads } from '../modules/crm/lead/lead.service.js';
import { fixedClock } from '../platform/clock.js';
import type { Database } from '../platform/db/database.js';
import { registerLeadCommands } from './lead-commands.js';

let database: Database;
let dir: string;
beforeAll(async () => {
  database = await createTestDatabase();
  dir = mkdtempSync(path.join(os.tmpdir(), 'kehu-lead-cli-'));
});
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('kehu leads import', () => {
  it('imports the rows of a CSV file and prints the per-row report', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const file = path.join(dir, 'leads.csv');
    writeFileSync(file, 'name,phone,email\n华东机电,021-66668888,\nBad,,not-an-email\n');
    let out = '';
    const stdout = new Writable({
      write(chunk: Buffer, _encoding, done) {
        out += chunk.toString('utf8');
        done();
      },
    });
    const program = new Command().exitOverride();
    const clock = fixedClock('2026-03-02T02:00:00Z');
    registerLeadCommands(program, { run: (work) => work(database), clock, stdout, stderr: stdout });
    await program.parseAsync(
      ['leads', 'import', file, '--tenant', tenant.slug, '--kind', 'business', '--source', 'expo'],
      {
        from: 'user',
      },
    );
    expect(out).toContain('created 1, updated 0, duplicates 0, rejected 1 of 2 rows');
    expect(out).toContain('line 3: email:');
    const page = await listLeads({ db: database.db, clock }, admin.actor, { limit: 10 });
    expect(page.items.map((l) => [l.name, l.source, l.kind])).toEqual([['华东机电', 'expo', 'business']]);
  });
});

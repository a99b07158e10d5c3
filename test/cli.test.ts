import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app/app.js';
import { systemClock } from '../src/platform/clock.js';
import { openDatabase, type Database } from '../src/platform/db/database.js';
import { runCli } from './helpers/cli.js';
import { createTestDatabase } from './helpers/db.js';
import { testEngine } from './helpers/engine.js';

// On PGlite the CLI gets its own data directory; on a server, a fresh test database.
let env: NodeJS.ProcessEnv;
let cleanup: () => Promise<void>;
let open: () => Promise<Database>;
beforeAll(async () => {
  if (testEngine() === 'postgres') {
    const database = await createTestDatabase();
    await database.pool.end();
    env = { DATABASE_URL: database.url };
    open = () => openDatabase({ databaseUrl: database.url });
    cleanup = () => database.close().catch(() => undefined);
  } else {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kehu-cli-'));
    env = { KEHU_DATA_DIR: dataDir, DATABASE_URL: '' };
    open = () => openDatabase({ dataDir, exclusive: true });
    cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
  }
});
afterAll(async () => cleanup());

describe('kehu CLI', () => {
  it('creates a tenant, a user and an API key that the API accepts', async () => {
    const tenant = await runCli(['tenant', 'create', 'acme', '--name', 'Acme 艾克米'], env);
    expect(tenant.code, tenant.stderr).toBe(0);
    expect(tenant.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);
    const user = await runCli(
      [
        'user',
        'create',
        '--tenant',
        'acme',
        '--email',
        'boss@acme.test',
        '--name',
        'Boss',
        '--password',
        'secret-123',
        '--role',
        'admin',
      ],
      env,
    );
    expect(user.code, user.stderr).toBe(0);
    const key = await runCli(
      ['apikey', 'create', '--tenant', 'acme', '--role', 'sales_rep', '--name', 'erp'],
      env,
    );
    expect(key.code, key.stderr).toBe(0);
    // Only the key on stdout, so `KEY=$(kehu apikey create ...)` works.
    expect(key.stdout).toMatch(/^kehu_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}\n$/);

    const database = await open();
    try {
      const app = await buildApp({ db: database.db, clock: systemClock, logLevel: false, serveWeb: false });
      const response = await app.inject({
        method: 'GET',
        url: '/api/customers',
        headers: { authorization: `Bearer ${key.stdout.trim()}` },
      });
      expect(response.statusCode).toBe(200);
      const signIn = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: 'boss@acme.test', password: 'secret-123' },
      });
      expect(signIn.json()).toMatchObject({ tenant: { slug: 'acme' }, role: 'admin' });
      await app.close();
    } finally {
      await database.close();
    }
  });

  it('creates API keys that expire, and refuses a lifetime out of range', async () => {
    const badExpiry = await runCli(
      ['apikey', 'create', '--tenant', 'acme', '--role', 'admin', '--expires-in-days', '0'],
      env,
    );
    expect(badExpiry.code).not.toBe(0);
    expect(badExpiry.stderr).toContain('1 to 3650');
    const expiring = await runCli(
      ['apikey', 'create', '--tenant', 'acme', '--role', 'admin', '--expires-in-days', '30'],
      env,
    );
    expect(expiring.code, expiring.stderr).toBe(0);
  });

  it('fails with a clear message on bad input', async () => {
    const bySlugOption = await runCli(['tenant', 'create', '--slug', 'beta', '--name', 'Beta'], env);
    expect(bySlugOption.code, bySlugOption.stderr).toBe(0);
    const noSlug = await runCli(['tenant', 'create', '--name', 'Nameless'], env);
    expect(noSlug.code).not.toBe(0);
    expect(noSlug.stderr).toContain('slug');
    const noTenant = await runCli(['apikey', 'create', '--tenant', 'nope', '--role', 'admin'], env);
    expect(noTenant.code).not.toBe(0);
    expect(noTenant.stdout).toBe('');
    expect(noTenant.stderr).toContain('No tenant with slug "nope"');
    const badRole = await runCli(['apikey', 'create', '--tenant', 'acme', '--role', 'wizard'], env);
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toContain('wizard');
    const shortPassword = await runCli(
      [
        'user',
        'create',
        '--tenant',
        'acme',
        '--email',
        'x@acme.test',
        '--name',
        'X',
        '--password',
        'short',
        '--role',
        'admin',
      ],
      env,
    );
    expect(shortPassword.code).not.toBe(0);
    expect(shortPassword.stderr).toContain('--password');
  });

  // Engine-independent: run once, in the PGlite project.
  it.skipIf(testEngine() !== 'pglite')('explains every command with --help', async () => {
    for (const command of [
      [],
      ['serve'],
      ['db', 'migrate'],
      ['seed', 'demo'],
      ['tenant', 'create'],
      ['user', 'create'],
      ['apikey', 'create'],
    ]) {
      const result = await runCli([...command, '--help']);
      expect(result.code, command.join(' ')).toBe(0);
      expect(result.stdout).toContain('Usage: kehu');
    }
  });
});

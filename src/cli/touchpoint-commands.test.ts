import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runCli, useCliDatabase, useInProcessCli } from '../../test/helpers/cli.js';
import { makeTenant } from '../../test/helpers/factories.js';
import { createSource } from '../modules/insights/source/source.service.js';
import { fixedClock } from '../platform/clock.js';
import { describeOfflineReport, registerTouchpointCommands } from './touchpoint-commands.js';

const clock = fixedClock('2026-03-02T02:00:00Z');
const cli = useInProcessCli(
  'kehu-touchpoints-cli-',
  (program, io) => registerTouchpointCommands(program, io),
  clock,
);
const { kehu, file } = cli;

describe('kehu touchpoints import', () => {
  it('imports a GB18030 list into an offline source named by name or id, then reports duplicates', async () => {
    const { tenant, admin } = await makeTenant(cli.database.db);
    const salon = await createSource({ db: cli.database.db, clock }, admin.actor, {
      name: '沙龙',
      kind: 'offline',
    });
    const csv = file(
      'salon.csv',
      iconv.encode(
        '事件,时间,姓名,电话\r\n签到,2026-03-01 14:30,王芳,13800138000\r\n签到,,李雷,\r\n',
        'gb18030',
      ),
    );
    const first = await kehu(['touchpoints', 'import', '--tenant', tenant.slug, '--source', '沙龙', csv]);
    expect(first).toBe(
      'stored 1, duplicates 0, rejected 1\nrejected:\n  row 3: userId: a row needs userId, anonymousId, email or phone\n',
    );
    const again = await kehu([
      'touchpoints',
      'import',
      '--tenant',
      tenant.slug,
      '--source',
      salon.id,
      '--json',
      csv,
    ]);
    expect(JSON.parse(again)).toEqual({
      stored: 0,
      duplicates: 1,
      rejected: [{ row: 3, field: 'userId', message: 'a row needs userId, anonymousId, email or phone' }],
    });
  });

  it('refuses an unknown source, a source that is not offline and a missing file', async () => {
    const { tenant, admin } = await makeTenant(cli.database.db);
    await createSource({ db: cli.database.db, clock }, admin.actor, { name: 'Web', kind: 'web' });
    const csv = file('one.csv', 'event,userId\nVisit,u-1\n');
    const args = ['touchpoints', 'import', '--tenant', tenant.slug];
    await expect(kehu([...args, '--source', 'Nope', csv])).rejects.toMatchObject({
      code: 'insights.source.not_found',
    });
    await expect(kehu([...args, '--source', 'Web', csv])).rejects.toMatchObject({
      code: 'insights.import.source_not_offline',
    });
    await expect(
      kehu([...args, '--source', 'Web', path.join(path.dirname(file('present.csv', '')), 'missing.csv')]),
    ).rejects.toThrow(/cannot read .*missing\.csv: ENOENT/);
  });

  it('lists at most 50 rejected rows and says how many more there are', () => {
    const rejected = Array.from({ length: 53 }, (_, i) => ({
      row: i + 2,
      field: 'event',
      message: 'required',
    }));
    const text = describeOfflineReport({ stored: 4, duplicates: 0, rejected });
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('stored 4, duplicates 0, rejected 53');
    expect(lines).toHaveLength(1 + 1 + 50 + 1);
    expect(lines.at(-1)).toBe('  … and 3 more (--json lists all)');
  });
});

describe('kehu source create + touchpoints import (the real command)', () => {
  const cli = useCliDatabase('kehu-touchpoints-cli-');

  it('creates an offline source and imports a list into it', async () => {
    expect((await runCli(['tenant', 'create', 'expo', '--name', 'Expo'], cli.env)).code).toBe(0);
    const source = await runCli(
      ['source', 'create', '--tenant', 'expo', '--name', 'Trade show', '--kind', 'offline'],
      cli.env,
    );
    expect(source.code, source.stderr).toBe(0);
    const csv = file(
      'scans.csv',
      '\ufeffevent,email,booth\nBadge scan,a@example.com,A1\nBadge scan,b@example.com,A2\n,c@example.com,A3\n',
    );
    const imported = await runCli(
      ['touchpoints', 'import', '--tenant', 'expo', '--source', 'Trade show', csv],
      cli.env,
    );
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toBe('stored 2, duplicates 0, rejected 1\nrejected:\n  row 4: event: required\n');
  });
});

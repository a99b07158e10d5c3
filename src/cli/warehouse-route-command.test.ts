import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/helpers/cli.js';
import { registerRouteCommand } from './warehouse-route-command.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kehu-route-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const at = path.join(dir, name);
  writeFileSync(at, typeof content === 'string' ? content : JSON.stringify(content));
  return at;
}

async function kehu(args: string[]): Promise<string> {
  let out = '';
  const program = new Command().exitOverride();
  const stdout = { write: (chunk: string) => (out += chunk) } as unknown as NodeJS.WritableStream;
  registerRouteCommand(program.command('warehouse'), stdout);
  await program.parseAsync(['node', 'kehu', 'warehouse', 'route', ...args]);
  return out;
}

const layout = file('layout.json', {
  aisles: 10,
  blocks: 1,
  slotsPerBlock: 30,
  slotLength: 1.0,
  aislePitch: 3.0,
  crossAisleDepth: 2.0,
  depot: { x: 0.0 },
});

describe('kehu warehouse route', () => {
  it('prints one JSON object, block defaulting to 1, and a readable summary without --json', async () => {
    const picks = file('picks.json', [
      { aisle: 3, block: 1, slot: 12 },
      { aisle: 7, slot: 2 },
    ]);
    expect(JSON.parse(await kehu(['--layout', layout, '--picks', picks, '--json']))).toEqual({
      length: 66,
      optimal: true,
      method: 'optimal',
      sequence: [0, 1],
    });
    const sShape = JSON.parse(
      await kehu(['--layout', layout, '--picks', picks, '--method', 's-shape', '--json']),
    ) as { method: string; optimal: boolean };
    expect(sShape).toMatchObject({ method: 's-shape', optimal: false });
    expect(await kehu(['--layout', layout, '--picks', picks])).toBe(
      'route by optimal: 66 m (proven optimal), 2 picks\n' +
        's-shape: 66 m; saving 0 m (0.0%)\n' +
        '  1. pick 0: aisle 3, block 1, slot 12\n' +
        '  2. pick 1: aisle 7, block 1, slot 2\n',
    );
  });

  it.each([
    [
      'an unknown aisle',
      [
        { aisle: 1, slot: 1 },
        { aisle: 11, slot: 2 },
      ],
      /pick 1: aisle 11 .*picks\.1\.aisle/,
    ],
    ['a slot out of range', [{ aisle: 2, slot: 31 }], /pick 0: slot 31 .*picks\.0\.slot/],
    ['a block out of range', [{ aisle: 2, block: 2, slot: 1 }], /pick 0: block 2 .*picks\.0\.block/],
    ['a slot that is not a number', [{ aisle: 2, slot: 'x' }], /pick 0: .*picks\.0\.slot/],
    ['malformed JSON', '[{"aisle": 1,', /--picks: .* is not valid JSON/],
  ])('rejects %s, naming the pick or field', async (_, picks, message) => {
    await expect(kehu(['--layout', layout, '--picks', file('bad.json', picks)])).rejects.toThrow(message);
  });

  it('rejects a bad layout field, an unknown method and a missing file', async () => {
    const picks = file('one.json', [{ aisle: 1, slot: 1 }]);
    const badLayout = file('bad-layout.json', {
      aisles: 0,
      blocks: 1,
      slotsPerBlock: 3,
      slotLength: 1,
      aislePitch: 1,
      crossAisleDepth: 0,
      depot: { x: 0 },
    });
    await expect(kehu(['--layout', badLayout, '--picks', picks])).rejects.toThrow(/layout\.aisles/);
    await expect(kehu(['--layout', layout, '--picks', picks, '--method', 'fastest'])).rejects.toThrow(
      /method/,
    );
    await expect(kehu(['--layout', layout, '--picks', path.join(dir, 'missing.json')])).rejects.toThrow(
      /--picks: cannot read .*missing\.json: ENOENT/,
    );
  });

  it('exits non-zero with the message, and opens no database', async () => {
    const dataDir = path.join(dir, 'never-created');
    const picks = file('far.json', [{ aisle: 12, slot: 1 }]);
    const ok = await runCli(
      [
        'warehouse',
        'route',
        '--layout',
        layout,
        '--picks',
        file('ok.json', [{ aisle: 2, slot: 1 }]),
        '--json',
      ],
      {
        KEHU_DATA_DIR: dataDir,
        DATABASE_URL: '',
      },
    );
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ optimal: true, sequence: [0] });
    const failed = await runCli(['warehouse', 'route', '--layout', layout, '--picks', picks], {
      KEHU_DATA_DIR: dataDir,
      DATABASE_URL: '',
    });
    expect(failed.code).not.toBe(0);
    expect(failed.stderr).toMatch(/pick 0: aisle 12 is outside 1\.\.10 \(picks\.0\.aisle\)/);
    expect(existsSync(dataDir)).toBe(false);
  }, 30_000);
});

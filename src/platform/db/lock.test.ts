import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock, DataDirLockedError, lockPath, readLiveLock, releaseLock } from './lock.js';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kehu-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const info = (pid: number) => ({
  pid,
  ownerPid: pid,
  command: 'kehu test',
  startedAt: '2026-01-01T00:00:00.000Z',
});

describe('data directory lock', () => {
  it('refuses a live holder and names it', () => {
    const dir = tempDir();
    acquireLock(dir, info(process.pid));
    expect(() => acquireLock(dir, info(process.pid))).toThrow(DataDirLockedError);
    expect(() => acquireLock(dir, info(process.pid))).toThrow(`${dir} is in use by process ${process.pid}`);
  });

  it('takes over a lock left by a dead process', () => {
    const dir = tempDir();
    const dead = 2 ** 22 + 12345; // above the default pid_max, so no such process
    writeFileSync(lockPath(dir), JSON.stringify(info(dead)));
    expect(readLiveLock(dir)).toBeUndefined();
    const update = acquireLock(dir, info(process.pid));
    update({ socketDir: dir });
    expect(readLiveLock(dir)).toMatchObject({ pid: process.pid, socketDir: dir });
  });

  it('is released only by its holder', () => {
    const dir = tempDir();
    acquireLock(dir, info(process.pid));
    releaseLock(dir, process.pid + 1);
    expect(JSON.parse(readFileSync(lockPath(dir), 'utf8'))).toMatchObject({ pid: process.pid });
    releaseLock(dir);
    expect(readLiveLock(dir)).toBeUndefined();
  });
});

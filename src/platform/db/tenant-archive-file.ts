/**
 * A tenant archive as one file: the directory `exportTenantArchive` writes (manifest.json and one
 * JSON and one CSV file per table), packed as a gzip-compressed tar with the files at its root.
 * Reading takes either form, so `kehu tenant import` accepts the directory or the file.
 */
import { mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';

/** Names a file may have inside an archive: flat, no directories, no dot files. */
const ENTRY_NAME = /^[a-z0-9_]+\.(json|csv)$/;

/** Packs the archive directory `dir` into the file `file` (written whole, then renamed into place). */
export async function packTenantArchive(dir: string, file: string): Promise<void> {
  const partial = `${file}.partial`;
  await tar.create({ gzip: true, file: partial, cwd: dir, portable: true }, readdirSync(dir).sort());
  renameSync(partial, file);
}

/**
 * Runs `work` on the archive directory at `where`: the directory itself, or a file unpacked into a
 * temporary directory that is removed afterwards. Only flat `.json` and `.csv` files are unpacked.
 */
export async function withTenantArchiveDir<T>(where: string, work: (dir: string) => Promise<T>): Promise<T> {
  if (statSync(where).isDirectory()) return work(where);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kehu-tenant-archive-'));
  try {
    await tar.extract({
      file: where,
      cwd: dir,
      strict: true,
      filter: (name, entry) => ENTRY_NAME.test(name) && (!('type' in entry) || entry.type === 'File'),
    });
    return await work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `write` on a temporary directory, then packs it into `file`. */
export async function writeTenantArchiveFile<T>(
  file: string,
  write: (dir: string) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kehu-tenant-archive-'));
  try {
    const result = await write(dir);
    await packTenantArchive(dir, file);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The backup file: a first line naming the format, a one-line JSON manifest, then the engine's own
 * snapshot (embedded: the gzipped data-directory tarball; server: a `pg_dump` custom-format archive,
 * compressed by pg_dump). The manifest's checksum covers the snapshot bytes.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

const MAGIC = 'KEHU-BACKUP 1';

/** Rows and an order-independent content checksum of one table. */
export type TableFacts = { rows: number; checksum: string };

/** What a backup says about itself. */
export type BackupManifest = {
  format: 'kehu-backup';
  formatVersion: 1;
  kehuVersion: string;
  engine: 'pglite' | 'postgres';
  createdAt: string;
  /** How many migrations the backed-up database had applied, and when the newest was made. */
  migrations: { applied: number; newestCreatedAt: number | null };
  tenants: { id: string; slug: string }[];
  tables: Record<string, TableFacts>;
  payload: { kind: 'pglite-data-dir-tgz' | 'pg-dump-custom'; bytes: number; sha256: string };
};

/** The facts a snapshot yields, before it is packed. */
export type SnapshotFacts = Pick<BackupManifest, 'migrations' | 'tenants' | 'tables'>;

/** SHA-256 of some bytes, hex. */
export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Writes a backup file atomically (a temporary file renamed into place). */
export function writeBackupFile(file: string, manifest: BackupManifest, payload: Buffer): void {
  const head = Buffer.from(`${MAGIC}\n${JSON.stringify(manifest)}\n`, 'utf8');
  const temporary = `${file}.partial`;
  writeFileSync(temporary, Buffer.concat([head, payload]));
  renameSync(temporary, file);
}

/** Reads a backup file; throws in words when it is not one or its snapshot does not match its checksum. */
export function readBackupFile(file: string): { manifest: BackupManifest; payload: Buffer } {
  const bytes = readFileSync(file);
  const first = bytes.indexOf(0x0a);
  const second = first < 0 ? -1 : bytes.indexOf(0x0a, first + 1);
  if (first < 0 || second < 0 || bytes.subarray(0, first).toString('utf8') !== MAGIC) {
    throw new Error(`${file} is not a Kehu backup (it does not start with "${MAGIC}").`);
  }
  const manifest = JSON.parse(bytes.subarray(first + 1, second).toString('utf8')) as BackupManifest;
  const payload = bytes.subarray(second + 1);
  if (payload.length !== manifest.payload.bytes || sha256(payload) !== manifest.payload.sha256) {
    throw new Error(
      `${file} is damaged: its snapshot has ${payload.length} bytes and checksum ${sha256(payload).slice(0, 12)}…, ` +
        `the manifest says ${manifest.payload.bytes} bytes and ${manifest.payload.sha256.slice(0, 12)}….`,
    );
  }
  return { manifest, payload };
}

/** The tables whose row counts or checksums differ between two sets of facts, in words. */
export function compareTables(
  expected: Record<string, TableFacts>,
  actual: Record<string, TableFacts>,
): string[] {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return names.flatMap((name) => {
    const e = expected[name];
    const a = actual[name];
    if (!e || !a) return [`${name}: ${e ? 'missing after restore' : 'not in the backup'}`];
    if (e.rows !== a.rows) return [`${name}: ${e.rows} rows in the backup, ${a.rows} restored`];
    return e.checksum === a.checksum ? [] : [`${name}: content checksum differs`];
  });
}

/**
 * The embedded host's control socket: other processes (the `kehu db backup` command beside a running
 * server) ask the host that owns a data directory for a snapshot of it. One JSON line in, one out.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

/** A request on the control socket and its answer. */
export type ControlRequest = { type: 'backup'; file: string };
export type ControlAnswer = { ok: true } | { ok: false; message: string };

/**
 * Writes a gzipped tarball of the data directory to `file`: a checkpoint first, so the files hold
 * every committed transaction, then the engine's own dump, which runs exclusively (no statement runs
 * while the files are copied). A transaction open at that moment is left out, as on a crash.
 */
export async function backupTo(db: PGlite, file: string): Promise<void> {
  await db.exec('CHECKPOINT');
  const tarball = await db.dumpDataDir('gzip');
  writeFileSync(file, Buffer.from(await tarball.arrayBuffer()));
}

/** The engine throws plain objects for file-system errors (`{ name: 'ErrnoError', errno }`). */
const describeError = (error: unknown): string =>
  error instanceof Error ? error.message : JSON.stringify(error);

/** Listens on `<socketDir>/kehu.control` and runs backups for whoever asks. */
export async function startControl(
  socketDir: string,
  backup: (file: string) => Promise<void>,
): Promise<{ path: string; server: net.Server }> {
  const controlPath = path.join(socketDir, 'kehu.control');
  if (existsSync(controlPath)) rmSync(controlPath);
  const server = net.createServer((socket) => {
    let input = '';
    socket.on('data', (chunk: Buffer) => {
      input += chunk.toString('utf8');
      if (!input.includes('\n')) return;
      const answer = (reply: ControlAnswer): void => void socket.end(JSON.stringify(reply) + '\n');
      try {
        const request = JSON.parse(input) as ControlRequest;
        if (request.type !== 'backup') return answer({ ok: false, message: 'unknown request' });
        backup(request.file).then(
          () => answer({ ok: true }),
          (error: unknown) => answer({ ok: false, message: describeError(error) }),
        );
      } catch {
        answer({ ok: false, message: 'malformed request' });
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(controlPath, () => resolve());
  });
  return { path: controlPath, server };
}

/** Asks the host listening on `controlPath` to write a backup to `file`. */
export function requestBackup(controlPath: string, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(controlPath);
    let output = '';
    socket.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    socket.once('error', reject);
    socket.once('connect', () =>
      socket.write(JSON.stringify({ type: 'backup', file } satisfies ControlRequest) + '\n'),
    );
    socket.once('close', () => {
      try {
        const answer = JSON.parse(output) as ControlAnswer;
        if (answer.ok) resolve();
        else reject(new Error(`the database host could not write the backup: ${answer.message}`));
      } catch {
        reject(new Error('the database host closed the control connection without an answer'));
      }
    });
  });
}

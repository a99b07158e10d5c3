/** The admin's list of scheduled backups under /api/backups. */
import { z } from 'zod';
import { requirePermission } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import { actorOf } from '../http/auth-hook.js';
import type { HttpApp } from '../http/server.js';
import { listBackupFiles } from './backup-schedule.js';

const BackupFileOut = z.object({
  name: z.string(),
  bytes: z.number().int(),
  createdAt: z.string(),
  ageSeconds: z.number().int(),
});

/** Registers GET /api/backups (admin only); `dir` is undefined when backups are not scheduled. */
export function registerBackupRoutes(app: HttpApp, deps: { dir: string | undefined; clock: Clock }): void {
  app.get(
    '/api/backups',
    {
      schema: {
        tags: ['backups'],
        summary: 'Scheduled backups of the embedded database, newest first, with size and age (admin only)',
        response: {
          200: z.object({
            scheduled: z.boolean(),
            dir: z.string().nullable(),
            items: z.array(BackupFileOut),
          }),
        },
      },
    },
    async (request) => {
      requirePermission(actorOf(request), 'users.manage');
      return {
        scheduled: deps.dir !== undefined,
        dir: deps.dir ?? null,
        items: deps.dir ? listBackupFiles(deps.dir, deps.clock) : [],
      };
    },
  );
}

/** What the admin API says about jobs: the queue's rows without their payloads. */
import { z } from 'zod';

/** The states a job moves through: queued → running → succeeded, or back to queued, or failed. */
export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const JobOut = z.object({
  id: z.uuid(),
  /** The job's name, e.g. `crm.recall`. */
  name: z.string(),
  status: z.enum(JOB_STATUSES),
  /** When it is (or was) due; after a failed attempt, when it is tried again. */
  runAt: z.iso.datetime(),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  lastError: z.string().nullable(),
  /** The worker (host/pid/…) running it, or that ran its last attempt. */
  lockedBy: z.string().nullable(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type JobOut = z.infer<typeof JobOut>;

export const ListJobsQuery = z.object({
  status: z.enum(JOB_STATUSES).optional(),
  name: z.string().trim().min(1).max(100).optional(),
  /** The `nextCursor` of the previous page. */
  after: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListJobsQuery = z.infer<typeof ListJobsQuery>;

export const JobPage = z.object({
  items: z.array(JobOut),
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type JobPage = z.infer<typeof JobPage>;

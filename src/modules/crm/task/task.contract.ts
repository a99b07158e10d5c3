/** Request and response shapes of tasks (任务) and the calendar feed. */
import { z } from 'zod';

export const TASK_KINDS = ['call', 'visit', 'meeting', 'message', 'todo'] as const;
export const TaskKind = z.enum(TASK_KINDS);
export type TaskKind = z.infer<typeof TaskKind>;

export const TASK_STATUSES = ['open', 'done'] as const;

/** Error codes of tasks. */
export const TASK_ERRORS = {
  notFound: 'crm.task.not_found',
  invalid: 'crm.task.invalid',
  alreadyDone: 'crm.task.already_done',
  calendarNotFound: 'crm.calendar.not_found',
} as const;

const title = z.string().trim().min(1, 'required').max(200);

/** A task to create; the assignee defaults to the signed-in user. */
export const CreateTaskInput = z.object({
  title,
  dueAt: z.iso.datetime({ offset: true }),
  assigneeId: z.uuid().optional(),
  customerId: z.uuid().optional(),
  dealId: z.uuid().optional(),
  kind: TaskKind.default('todo'),
  note: z.string().trim().max(5000).optional(),
});
export type CreateTaskInput = z.infer<typeof CreateTaskInput>;

/** What may change on an open task. */
export const UpdateTaskInput = z
  .object({
    title: title.optional(),
    dueAt: z.iso.datetime({ offset: true }).optional(),
    assigneeId: z.uuid().optional(),
    kind: TaskKind.optional(),
    note: z.string().trim().max(5000).nullable().optional(),
  })
  .refine((input) => Object.keys(input).length > 0, 'give at least one field to change');
export type UpdateTaskInput = z.infer<typeof UpdateTaskInput>;

export const CompleteTaskInput = z.object({ outcome: z.string().trim().max(2000).optional() });
export type CompleteTaskInput = z.infer<typeof CompleteTaskInput>;
/** The body of `complete`: optional, so a bare POST closes the task. */
export const CompleteTaskBody = CompleteTaskInput.nullish();

export const Task = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: TaskKind,
  dueAt: z.iso.datetime(),
  assigneeId: z.uuid(),
  createdById: z.uuid().nullable(),
  customerId: z.uuid().nullable(),
  dealId: z.uuid().nullable(),
  note: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  outcome: z.string().nullable(),
  completedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type Task = z.infer<typeof Task>;

/**
 * Which tasks to list. `due`: `overdue` (open, due before now), `today` (open, due today in the
 * server's day), `upcoming` (open, due after today). Without `assigneeId` the list shows the
 * caller's own tasks; a manager may name a member of their team, `all` scope anyone.
 */
export const ListTasksQuery = z.object({
  assigneeId: z.uuid().optional(),
  customerId: z.uuid().optional(),
  dealId: z.uuid().optional(),
  status: z.enum(TASK_STATUSES).optional(),
  due: z.enum(['overdue', 'today', 'upcoming']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The `nextCursor` of the previous page. */
  after: z.string().trim().min(1).max(200).optional(),
});
export type ListTasksQuery = z.infer<typeof ListTasksQuery>;

export const TaskPage = z.object({ items: z.array(Task), nextCursor: z.string().nullable() });
export type TaskPage = z.infer<typeof TaskPage>;

export const CalendarLink = z.object({
  /** The secret address of the feed: subscribe to it in a calendar application. */
  url: z.string(),
});
export type CalendarLink = z.infer<typeof CalendarLink>;

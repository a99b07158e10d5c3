/**
 * Tasks (任务): calls, visits, meetings, messages and to-dos due at a time, assigned to a user and
 * optionally about a customer or deal. Whose tasks an actor sees follows the data scope: `own` their
 * own, `team` also their teams' members', `all` everyone's. The calendar feed lives in
 * `calendar.service.ts`.
 */
import { actorForMember, listMembersWithTeams } from '../../access/index.js';
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import { DAY_MS } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import type { FieldIssue } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { decodeTimeCursor, encodeTimeCursor } from '../../../platform/time-cursor.js';
import type { CrmDeps } from '../crm-deps.js';
import { getCustomerRow } from '../customer/customer.service.js';
import type {
  CompleteTaskInput,
  CreateTaskInput,
  ListTasksQuery,
  Task,
  TaskPage,
  UpdateTaskInput,
} from './task.contract.js';
import { taskAlreadyDone, taskInvalid, taskNotFound } from './task.errors.js';
import * as repo from './task.repository.js';

/** A stored task in its public shape. */
export function toTask(row: repo.TaskRow): Task {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind as Task['kind'],
    dueAt: row.dueAt.toISOString(),
    assigneeId: row.assigneeUserId,
    createdById: row.createdByUserId,
    customerId: row.customerId,
    dealId: row.dealId,
    note: row.note,
    status: row.status as Task['status'],
    outcome: row.outcome,
    completedAt: row.completedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The users whose tasks the actor sees; undefined means everyone's (scope `all`). */
async function visibleAssignees(deps: CrmDeps, actor: Actor): Promise<Set<string> | undefined> {
  if (actor.scope === 'all') return undefined;
  const mine = new Set(actor.userId ? [actor.userId] : []);
  if (actor.scope !== 'team' || actor.teamIds.length === 0) return mine;
  for (const member of await listMembersWithTeams(deps.db, actor.tenantId)) {
    if (member.teamIds.some((team) => actor.teamIds.includes(team))) mine.add(member.id);
  }
  return mine;
}

/** Who a new or changed task goes to: the named member within the actor's scope, else the actor. */
async function resolveAssignee(deps: CrmDeps, actor: Actor, assigneeId: string | undefined): Promise<string> {
  const id = assigneeId ?? actor.userId;
  if (!id) throw taskInvalid([{ path: 'assigneeId', message: 'required when an API key creates a task' }]);
  const member = await actorForMember(deps.db, { id: actor.tenantId, slug: actor.tenantSlug }, id, 'system');
  if (!member) throw taskInvalid([{ path: 'assigneeId', message: 'no such member of this tenant' }]);
  const visible = await visibleAssignees(deps, actor);
  if (visible && !visible.has(id)) {
    throw taskInvalid([{ path: 'assigneeId', message: 'outside your data scope' }]);
  }
  return id;
}

/** Checks the customer (visible to the actor) and deal a task is about. */
async function checkSubjects(deps: CrmDeps, actor: Actor, input: { customerId?: string }): Promise<void> {
  const issues: FieldIssue[] = [];
  if (input.customerId) {
    await getCustomerRow(deps, actor, input.customerId).catch(() => {
      issues.push({ path: 'customerId', message: 'no such customer' });
    });
  }
  if (issues.length) throw taskInvalid(issues);
}

/** Creates a task; the assignee defaults to the actor. */
export async function createTask(deps: CrmDeps, actor: Actor, input: CreateTaskInput): Promise<Task> {
  requirePermission(actor, 'customers.read');
  const assignee = await resolveAssignee(deps, actor, input.assigneeId);
  await checkSubjects(deps, actor, input);
  const now = deps.clock.now();
  const row = await repo.insertTask(deps.db, {
    tenantId: actor.tenantId,
    id: newId(),
    title: input.title,
    kind: input.kind,
    dueAt: new Date(input.dueAt),
    assigneeUserId: assignee,
    createdByUserId: actor.userId,
    customerId: input.customerId ?? null,
    dealId: input.dealId ?? null,
    note: input.note ?? null,
    status: 'open',
    outcome: null,
    completedAt: null,
    createdAt: now,
    updatedAt: now,
  });
  return toTask(row);
}

/** A task the actor may see: assigned within their scope or created by them; else 404. */
async function visibleTask(deps: CrmDeps, actor: Actor, id: string): Promise<repo.TaskRow> {
  requirePermission(actor, 'customers.read');
  const row = await repo.findTask(deps.db, actor.tenantId, id);
  if (!row) throw taskNotFound(id);
  const visible = await visibleAssignees(deps, actor);
  const mine = actor.userId !== null && row.createdByUserId === actor.userId;
  if (visible && !visible.has(row.assigneeUserId) && !mine) throw taskNotFound(id);
  return row;
}

/** One task. */
export async function getTask(deps: CrmDeps, actor: Actor, id: string): Promise<Task> {
  return toTask(await visibleTask(deps, actor, id));
}

/** Changes an open task (title, due time, kind, note, assignee within the actor's scope). */
export async function updateTask(
  deps: CrmDeps,
  actor: Actor,
  id: string,
  input: UpdateTaskInput,
): Promise<Task> {
  const row = await visibleTask(deps, actor, id);
  if (row.status === 'done') throw taskAlreadyDone(id);
  const assignee = input.assigneeId ? await resolveAssignee(deps, actor, input.assigneeId) : undefined;
  const updated = await repo.updateTask(deps.db, actor.tenantId, id, {
    ...(input.title !== undefined && { title: input.title }),
    ...(input.dueAt !== undefined && { dueAt: new Date(input.dueAt) }),
    ...(input.kind !== undefined && { kind: input.kind }),
    ...(input.note !== undefined && { note: input.note }),
    ...(assignee !== undefined && { assigneeUserId: assignee }),
    updatedAt: deps.clock.now(),
  });
  return toTask(updated!);
}

/** Closes a task with an optional outcome; a done task answers 409. */
export async function completeTask(
  deps: CrmDeps,
  actor: Actor,
  id: string,
  input: CompleteTaskInput,
): Promise<Task> {
  const row = await visibleTask(deps, actor, id);
  if (row.status === 'done') throw taskAlreadyDone(id);
  const now = deps.clock.now();
  const updated = await repo.updateTask(deps.db, actor.tenantId, id, {
    status: 'done',
    outcome: input.outcome ?? null,
    completedAt: now,
    updatedAt: now,
  });
  return toTask(updated!);
}

/** The due window of `overdue`, `today` and `upcoming` (days in UTC). */
function dueWindow(due: ListTasksQuery['due'], now: Date): { dueFrom?: Date; dueBefore?: Date } {
  const startOfDay = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
  const tomorrow = new Date(startOfDay.getTime() + DAY_MS);
  if (due === 'overdue') return { dueBefore: now };
  if (due === 'today') return { dueFrom: startOfDay, dueBefore: tomorrow };
  if (due === 'upcoming') return { dueFrom: tomorrow };
  return {};
}

/** A page of tasks by due time: the actor's own unless `assigneeId` names another within scope. */
export async function listTasks(deps: CrmDeps, actor: Actor, query: ListTasksQuery): Promise<TaskPage> {
  requirePermission(actor, 'customers.read');
  const visible = await visibleAssignees(deps, actor);
  if (query.assigneeId && visible && !visible.has(query.assigneeId)) return { items: [], nextCursor: null };
  const about = query.customerId !== undefined || query.dealId !== undefined;
  const assignees = query.assigneeId
    ? [query.assigneeId]
    : about || !actor.userId
      ? visible && [...visible]
      : [actor.userId];
  const status = query.due ? 'open' : query.status;
  const filter = { assignees, customerId: query.customerId, dealId: query.dealId, status };
  const cursor = decodeTimeCursor(query.after, 'crm.task.cursor_invalid');
  const window = dueWindow(query.due, deps.clock.now());
  const rows = await repo.listTasks(
    deps.db,
    actor.tenantId,
    { ...filter, ...window },
    cursor,
    query.limit + 1,
  );
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const more = rows.length > query.limit && last;
  return {
    items: page.map(toTask),
    nextCursor: more ? encodeTimeCursor({ at: last.dueAt, id: last.id }) : null,
  };
}

/** The open tasks of one user, by due time (the calendar feed). */
export async function openTasksOf(deps: CrmDeps, tenantId: string, userId: string): Promise<Task[]> {
  const rows = await repo.listTasks(
    deps.db,
    tenantId,
    { assignees: [userId], status: 'open' },
    undefined,
    1000,
  );
  return rows.map(toTask);
}

/** Moves the tasks of merged customers to the one they merged into; how many moved. */
export async function repointTasks(
  db: Db,
  tenantId: string,
  intoId: string,
  fromIds: string[],
): Promise<number> {
  return repo.repointTasks(db, tenantId, intoId, fromIds);
}

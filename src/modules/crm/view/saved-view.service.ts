/** Saved views of the customer list. They belong to users: API keys, which have none, cannot keep them. */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import { AppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { CrmDeps } from '../crm-deps.js';
import { ListCustomersQuery } from '../customer/customer.contract.js';
import type { CreateSavedViewInput, SavedView } from './saved-view.contract.js';
import * as repo from './saved-view.repository.js';

function userOf(actor: Actor): string {
  if (!actor.userId) {
    throw new AppError(
      'forbidden',
      'crm.view.needs_user',
      'Saved views belong to users; sign in to keep one.',
    );
  }
  return actor.userId;
}

/** The caller's views and the tenant's shared ones (only the shared ones for an API key). */
export async function listSavedViews(deps: CrmDeps, actor: Actor): Promise<SavedView[]> {
  requirePermission(actor, 'customers.read');
  const rows = await repo.listSavedViewRows(deps.db, actor, actor.userId);
  return rows.map((row) => toView(row, actor.userId));
}

/** Saves a view; its filters must be ones the customer list accepts. */
export async function createSavedView(
  deps: CrmDeps,
  actor: Actor,
  input: CreateSavedViewInput,
): Promise<SavedView> {
  requirePermission(actor, 'customers.read');
  const userId = userOf(actor);
  const parsed = ListCustomersQuery.safeParse(input.filters);
  if (!parsed.success) {
    throw new AppError('invalid', 'crm.view.invalid', 'These filters are not valid for the customer list.', {
      issues: parsed.error.issues.map((issue) => ({
        path: ['filters', ...issue.path.map(String)].join('.'),
        message: issue.message,
      })),
    });
  }
  const row = await repo.insertSavedView(deps.db, actor, {
    id: newId(),
    userId,
    name: input.name,
    filters: input.filters,
    shared: input.shared,
    createdAt: deps.clock.now(),
  });
  return toView(row, userId);
}

/** Deletes one of the caller's own views. */
export async function deleteSavedView(deps: CrmDeps, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'customers.read');
  // An API key has no views of its own, so whatever the id, there is none of its to delete.
  if (!actor.userId || !(await repo.deleteSavedViewRow(deps.db, actor, actor.userId, id))) {
    throw new AppError('not_found', 'crm.view.not_found', `No view ${id} of yours.`);
  }
}

function toView(row: repo.SavedViewRow, userId: string | null): SavedView {
  return {
    id: row.id,
    name: row.name,
    filters: row.filters,
    shared: row.shared,
    mine: row.userId === userId,
    createdAt: row.createdAt.toISOString(),
  };
}

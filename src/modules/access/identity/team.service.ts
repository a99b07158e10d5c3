/** Teams: groups of users whose records a `team`-scoped manager sees. */
import { AppError } from '../../../platform/errors.js';
import { isUniqueViolation } from '../../../platform/db/errors.js';
import { newId } from '../../../platform/ids.js';
import type { Db } from '../../../platform/db/database.js';
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { TeamOut, UpdateTeamInput } from './identity.contract.js';
import { userNotFound } from './identity.errors.js';
import * as repo from './identity.repository.js';

const teamNotFound = (id: string): AppError =>
  new AppError('not_found', 'auth.team.not_found', `No team ${id}.`);

// A unique violation on (tenant_id, name) means the name is taken.
const rethrowNameTaken =
  (name: string) =>
  (error: unknown): never => {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict', 'auth.team.exists', `A team named "${name}" exists already.`);
    }
    throw error;
  };

async function setMembers(db: Db, tenantId: string, teamId: string, memberIds: string[]): Promise<void> {
  await repo.removeTeamMembers(db, tenantId, teamId);
  for (const userId of memberIds) {
    if (!(await repo.findMembership(db, tenantId, userId))) throw userNotFound(userId);
    await repo.addTeamMember(db, tenantId, teamId, userId);
  }
}

/** Creates a team in the actor's tenant with the given members. */
export async function createTeam(
  db: Db,
  actor: Actor,
  input: { name: string; memberIds?: string[] },
): Promise<TeamOut> {
  requirePermission(actor, 'teams.manage');
  return db.transaction(async (tx) => {
    const id = newId();
    await repo
      .insertTeam(tx, { tenantId: actor.tenantId, id, name: input.name })
      .catch(rethrowNameTaken(input.name));
    await setMembers(tx, actor.tenantId, id, input.memberIds ?? []);
    return { id, name: input.name, memberIds: input.memberIds ?? [] };
  });
}

/** Renames a team and/or replaces its members. */
export async function updateTeam(db: Db, actor: Actor, id: string, input: UpdateTeamInput): Promise<TeamOut> {
  requirePermission(actor, 'teams.manage');
  return db.transaction(async (tx) => {
    if (!(await repo.findTeam(tx, actor.tenantId, id))) throw teamNotFound(id);
    if (input.name)
      await repo.renameTeam(tx, actor.tenantId, id, input.name).catch(rethrowNameTaken(input.name));
    if (input.memberIds) await setMembers(tx, actor.tenantId, id, input.memberIds);
    const team = (await repo.listTeams(tx, actor.tenantId)).find((t) => t.id === id);
    if (!team) throw teamNotFound(id);
    return team;
  });
}

/** The teams of the actor's tenant. */
export async function listTeams(db: Db, actor: Actor): Promise<TeamOut[]> {
  return repo.listTeams(db, actor.tenantId);
}

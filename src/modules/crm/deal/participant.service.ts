/** Deal participants: contacts on one deal's buying committee with their roles, department and stance. */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import { AppError } from '../../../platform/errors.js';
import type { CrmDeps } from '../crm-deps.js';
import { hasContact } from '../contact/contact.service.js';
import type { DealParticipant, DealParticipantList, SetParticipantInput } from './deal.contract.js';
import { dealInvalid } from './deal.errors.js';
import { getDealRow } from './deal.service.js';
import * as repo from './participant.repository.js';

function toParticipant(row: repo.ParticipantRow): DealParticipant {
  return {
    personId: row.personId,
    roles: row.roles as DealParticipant['roles'],
    department: row.department,
    stance: (row.stance ?? 'neutral') as DealParticipant['stance'],
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The people on a deal the actor may see. */
export async function listParticipants(
  deps: CrmDeps,
  actor: Actor,
  dealId: string,
): Promise<DealParticipantList> {
  await getDealRow(deps, actor, dealId);
  return { items: (await repo.listParticipantRows(deps.db, actor.tenantId, dealId)).map(toParticipant) };
}

/** Puts a contact on the deal, or changes their roles, department or stance (400 for an unknown person). */
export async function setParticipant(
  deps: CrmDeps,
  actor: Actor,
  dealId: string,
  personId: string,
  input: SetParticipantInput,
): Promise<DealParticipant> {
  requirePermission(actor, 'customers.write');
  await getDealRow(deps, actor, dealId);
  if (!(await hasContact(deps.db, actor.tenantId, personId))) {
    throw dealInvalid([{ path: 'personId', message: 'no such person' }]);
  }
  const row = await repo.upsertParticipant(deps.db, {
    tenantId: actor.tenantId,
    dealId,
    personId,
    roles: [...new Set(input.roles)],
    department: input.department ?? null,
    stance: input.stance,
    updatedAt: deps.clock.now(),
  });
  return toParticipant(row);
}

/** Takes a person off the deal (404 when they were not on it). */
export async function removeParticipant(
  deps: CrmDeps,
  actor: Actor,
  dealId: string,
  personId: string,
): Promise<void> {
  requirePermission(actor, 'customers.write');
  await getDealRow(deps, actor, dealId);
  if ((await repo.deleteParticipants(deps.db, actor.tenantId, dealId, [personId])) === 0) {
    throw new AppError(
      'not_found',
      'crm.deal.participant_not_found',
      `Person ${personId} is not on deal ${dealId}.`,
    );
  }
}

/** The tenant's pools and members that the owner and pool columns of a CSV name, for import and export. */
import type { Db } from '../../../platform/db/database.js';
import { listMembersWithTeams } from '../../access/index.js';
import { listPoolRefs as listPools } from '../pool/pool.service.js';

/** A pool of the tenant, as pool columns name it. */
export type PoolRef = { id: string; name: string; isDefault: boolean };

/** A member of the tenant, as owner columns name them, with their teams. */
export type MemberRef = { id: string; email: string; name: string; teamIds: string[] };

/** The tenant's pools, oldest first. */
export async function listPoolRefs(db: Db, tenantId: string): Promise<PoolRef[]> {
  return listPools(db, tenantId);
}

/** The tenant's members with their teams. */
export async function listMemberRefs(db: Db, tenantId: string): Promise<MemberRef[]> {
  return listMembersWithTeams(db, tenantId);
}

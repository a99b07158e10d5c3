/** Small factories for tests: a tenant with users of chosen roles, signed-in sessions, API keys. */
import type { Actor } from '../../src/platform/auth/actor.js';
import {
  actorForMember,
  addUser,
  createApiKey,
  createTeam,
  createTenant,
  type Role,
} from '../../src/modules/access/index.js';
import type { Db } from '../../src/platform/db/database.js';

let seq = 0;

/** The password every factory user has. */
export const TEST_PASSWORD = 'correct-horse-battery';

/** A tenant with an admin; returns the tenant and the admin's actor. */
export async function makeTenant(db: Db, slug = `t${Date.now().toString(36)}${seq++}`) {
  const tenant = await createTenant(db, { slug, name: `Tenant ${slug}` });
  const admin = await makeUser(db, tenant, 'admin');
  return { tenant, admin };
}

/** A user of `role` in `tenant` (optionally in teams); returns the user and their actor. */
export async function makeUser(
  db: Db,
  tenant: { id: string; slug: string },
  role: Role,
  options: { teamIds?: string[]; email?: string } = {},
): Promise<{ id: string; email: string; actor: Actor }> {
  const email = options.email ?? `${role}-${seq++}@${tenant.slug}.test`;
  const user = await addUser(db, tenant.id, {
    email,
    name: `${role} ${seq}`,
    password: TEST_PASSWORD,
    role,
    teamIds: options.teamIds,
  });
  const actor = await actorForMember(db, tenant, user.id, 'session');
  return { id: user.id, email, actor: actor! };
}

/** A team in the tenant of `admin` with these members. */
export async function makeTeam(db: Db, admin: Actor, memberIds: string[] = []) {
  return createTeam(db, admin, { name: `Team ${seq++}`, memberIds });
}

/** A bearer API key of `role` for the tenant. */
export async function makeApiKey(db: Db, tenantId: string, role: Role): Promise<string> {
  return (await createApiKey(db, tenantId, { name: `key ${seq++}`, role })).key;
}

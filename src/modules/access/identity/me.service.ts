/** The signed-in user's own view: who they are, where, with which rights, and their language. */
import { AppError } from '../../../platform/errors.js';
import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { permissionsOf } from '../role/role.contract.js';
import type { Me } from './identity.contract.js';
import { userNotFound } from './identity.errors.js';
import { asRole } from './identity.service.js';
import * as repo from './identity.repository.js';

const noUser = (): AppError => new AppError('invalid', 'auth.me.no_user', 'An API key has no user.');

/** What the signed-in user's interface needs to know about them. */
export async function describeMe(db: Db, actor: Actor): Promise<Me> {
  if (!actor.userId) throw noUser();
  const [user, tenant, tenants] = await Promise.all([
    repo.findUserById(db, actor.userId),
    repo.findTenantById(db, actor.tenantId),
    repo.listMembershipsOfUser(db, actor.userId),
  ]);
  if (!user || !tenant) throw userNotFound(actor.userId);
  return {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      locale: user.locale === 'zh-CN' || user.locale === 'en' ? user.locale : null,
    },
    tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name },
    role: actor.role,
    scope: actor.scope,
    permissions: [...permissionsOf(actor.role)],
    tenants: tenants.map((t) => ({ slug: t.slug, role: asRole(t.role) })),
  };
}

/** Remembers the user's interface language. */
export async function setLocale(db: Db, actor: Actor, locale: string): Promise<void> {
  if (!actor.userId) throw noUser();
  await repo.updateUserLocale(db, actor.userId, locale);
}

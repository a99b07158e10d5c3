/** Tenants: the companies using Kehu, each named by a slug in URLs, sign-in and the CLI. */
import { AppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { Db } from '../../../platform/db/database.js';
import { tenantNotFound } from './identity.errors.js';
import * as repo from './identity.repository.js';

const SLUG_RE = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Creates a tenant, e.g. `createTenant(db, { slug: 'acme', name: 'Acme' })`. */
export async function createTenant(db: Db, input: { slug: string; name: string }): Promise<repo.TenantRow> {
  if (!SLUG_RE.test(input.slug)) {
    throw new AppError(
      'invalid',
      'auth.tenant.invalid_slug',
      'A tenant slug is 1-63 lower-case letters, digits and dashes.',
      {
        issues: [{ path: 'slug', message: 'lower-case letters, digits and dashes' }],
      },
    );
  }
  if (await repo.findTenantBySlug(db, input.slug)) {
    throw new AppError(
      'conflict',
      'auth.tenant.exists',
      `A tenant with slug "${input.slug}" exists already.`,
    );
  }
  const row = { id: newId(), slug: input.slug, name: input.name, createdAt: new Date() };
  await repo.insertTenant(db, row);
  return row;
}

/** The tenant with this slug; throws not_found. */
export async function getTenantBySlug(db: Db, slug: string): Promise<repo.TenantRow> {
  const tenant = await repo.findTenantBySlug(db, slug);
  if (!tenant) throw tenantNotFound(slug);
  return tenant;
}

/** True when at least one tenant exists (false on a fresh install). */
export async function hasAnyTenant(db: Db): Promise<boolean> {
  return (await repo.countTenants(db)) > 0;
}

/** The tenant with this slug, or undefined. */
export async function findTenantBySlug(db: Db, slug: string): Promise<repo.TenantRow | undefined> {
  return repo.findTenantBySlug(db, slug);
}

/** Every tenant's id, oldest first, for jobs that run per tenant. */
export async function listTenantIds(db: Db): Promise<string[]> {
  return repo.listTenantIds(db);
}

/** The tenant's display name (what documents print as the seller), or undefined for no such tenant. */
export async function findTenantName(db: Db, id: string): Promise<string | undefined> {
  return (await repo.findTenantById(db, id))?.name;
}

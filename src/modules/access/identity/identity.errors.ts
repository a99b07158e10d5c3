/** The errors of sign-in, tenants and users (codes under `auth.`, as clients know them). */
import { AppError } from '../../../platform/errors.js';

/** Wrong email or password; deliberately does not say which. */
export const badCredentials = (): AppError =>
  new AppError('unauthenticated', 'auth.bad_credentials', 'The email or password is wrong.');

/** A tenant slug that names no tenant. */
export const tenantNotFound = (slug: string): AppError =>
  new AppError('not_found', 'auth.tenant.not_found', `No tenant with slug "${slug}".`);

/** A user id or email that names no user of the tenant. */
export const userNotFound = (ref: string): AppError =>
  new AppError('not_found', 'auth.user.not_found', `No user "${ref}" in this tenant.`);

import { AppError } from '../errors.js';

/** Wrong email or password; deliberately does not say which. */
export const badCredentials = (): AppError =>
  new AppError('unauthenticated', 'auth.bad_credentials', 'The email or password is wrong.');

/** No valid session cookie or API key on a request that needs one. */
export const notSignedIn = (): AppError =>
  new AppError(
    'unauthenticated',
    'auth.required',
    'Sign in, or send an API key as "Authorization: Bearer <key>".',
  );

/** A tenant slug that names no tenant. */
export const tenantNotFound = (slug: string): AppError =>
  new AppError('not_found', 'auth.tenant.not_found', `No tenant with slug "${slug}".`);

/** A user id or email that names no user of the tenant. */
export const userNotFound = (ref: string): AppError =>
  new AppError('not_found', 'auth.user.not_found', `No user "${ref}" in this tenant.`);

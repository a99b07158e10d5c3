/**
 * Registers the role and permission names of role.contract.ts with platform's Actor, so that
 * `requirePermission(actor, 'customers.imprt')` fails to compile although platform names no
 * permission. Types only; the server's compilation includes it (the web app's does not need it).
 */
import type { PERMISSIONS, ROLES } from './role.contract.js';

// Inside this block `Role` and `Permission` would name platform's own aliases, hence the lists.
declare module '../../../platform/auth/actor.js' {
  interface PermissionCatalogue {
    role: (typeof ROLES)[number];
    permission: (typeof PERMISSIONS)[number];
  }
}

/** What the users table and the phone cards show for one user. */
import type { UserOut } from '../api/types';
import type { UserActionsProps } from './user-actions';

/** A user with their team names resolved and their actions bound. */
export type UserListItem = UserActionsProps & { user: UserOut; teamNames: string[] };

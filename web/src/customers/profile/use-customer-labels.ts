/** Names for the ids and codes a customer carries: its owner, its team and its value tier. */
import { useQuery } from '@tanstack/react-query';
import { crmSettingsQuery, teamsQuery, userDirectoryQuery } from '../../api/queries';

/** What the customer list and page need to show names instead of ids. */
export type CustomerLabels = {
  /** The user's name; an ellipsis while the directory loads, so an id never flickers on screen. */
  user: (id: string) => string;
  team: (id: string) => string;
  /** The tenant's label of a value tier code; the code itself when the tier was removed since. */
  valueTier: (code: string) => string;
};

/** Looks names up in the user directory, the teams and the CRM settings (all cached for minutes). */
export function useCustomerLabels(): CustomerLabels {
  const users = useQuery(userDirectoryQuery);
  const teams = useQuery(teamsQuery);
  const settings = useQuery(crmSettingsQuery);
  const pending = (loading: boolean, id: string): string => (loading ? '…' : id);
  return {
    user: (id) => users.data?.find((user) => user.id === id)?.name ?? pending(users.isPending, id),
    team: (id) => teams.data?.find((team) => team.id === id)?.name ?? pending(teams.isPending, id),
    valueTier: (code) => settings.data?.valueTiers.find((tier) => tier.code === code)?.label ?? code,
  };
}

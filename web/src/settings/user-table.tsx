/** The users as a table, for screens wide enough to show every column. */
import { Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../shell/use-format';
import { UserActions } from './user-actions';
import type { UserListItem } from './user-list-item';
import { RoleBadge, UserTeams } from './user-badges';

const nowrap = { whiteSpace: 'nowrap' } as const;

/** One row per user: who, role, what they see, teams, when added, and the actions. */
export function UserTable({ items }: { items: UserListItem[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" data-testid="user-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.name')}</Table.Th>
            <Table.Th>{t('users.role')}</Table.Th>
            <Table.Th>{t('users.scope')}</Table.Th>
            <Table.Th>{t('users.teams')}</Table.Th>
            <Table.Th>{t('users.created')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('users.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map(({ user, teamNames, ...actions }) => (
            <Table.Tr key={user.id} data-testid="user-row" data-user-email={user.email}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {user.name}
                  {actions.isSelf && (
                    <Text span size="xs" c="dimmed" fw={400} ml={6}>
                      {t('users.you')}
                    </Text>
                  )}
                </Text>
                <Text size="xs" c="dimmed">
                  {user.email}
                </Text>
              </Table.Td>
              <Table.Td>
                <RoleBadge role={user.role} />
              </Table.Td>
              <Table.Td style={nowrap}>
                <Text size="sm" data-testid="user-scope">
                  {t(`scopes.${user.scope}`)}
                </Text>
              </Table.Td>
              <Table.Td>
                <UserTeams names={teamNames} />
              </Table.Td>
              <Table.Td style={nowrap}>
                <Text size="sm" c="dimmed">
                  {format.date(user.createdAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                <UserActions {...actions} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

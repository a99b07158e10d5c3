/** The users for phone-size screens: one card per user instead of a wide table. */
import { Box, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UserActions } from './user-actions';
import type { UserListItem } from './user-list-item';
import { RoleBadge, UserTeams } from './user-badges';

/** Name and role first, then email and what the user sees, their teams, and the actions. */
export function UserCards({ items }: { items: UserListItem[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0} data-testid="user-cards">
      {items.map(({ user, teamNames, ...actions }, index) => (
        <Stack
          key={user.id}
          gap={6}
          px="md"
          py="sm"
          style={index > 0 ? { borderTop: '1px solid var(--mantine-color-gray-2)' } : undefined}
          data-testid="user-row"
          data-user-email={user.email}
        >
          <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
            <Text fw={500} size="sm" style={{ overflowWrap: 'anywhere' }}>
              {user.name}
              {actions.isSelf && (
                <Text span size="xs" c="dimmed" fw={400} ml={6}>
                  {t('users.you')}
                </Text>
              )}
            </Text>
            <RoleBadge role={user.role} />
          </Group>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {user.email} · {t(`scopes.${user.scope}`)}
          </Text>
          {/* Long team names push the actions to a line of their own rather than being cut short. */}
          <Group justify="space-between" gap="xs" align="center">
            <UserTeams names={teamNames} />
            <Box ml="auto">
              <UserActions {...actions} />
            </Box>
          </Group>
        </Stack>
      ))}
    </Stack>
  );
}

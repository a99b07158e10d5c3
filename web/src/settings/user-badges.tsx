/** The badges of a user in the lists: their role and their teams. */
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../api/types';

/** A user's role in the interface language, red for administrators so the powerful accounts stand out. */
export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={role === 'admin' ? 'red' : 'teal'}
      tt="none"
      // Badges may shrink to an ellipsis; a role cut to "Adminis…" is worse than a wider column.
      miw="max-content"
      style={{ flexShrink: 0 }}
      data-testid="user-role-badge"
    >
      {t(`roles.${role}`)}
    </Badge>
  );
}

/** The names of a user's teams, one badge each, or a quiet "no team". */
export function UserTeams({ names }: { names: string[] }) {
  const { t } = useTranslation();
  if (names.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="user-teams">
        {t('users.noTeam')}
      </Text>
    );
  return (
    <Group gap={4} data-testid="user-teams">
      {names.map((name, index) => (
        <Badge key={`${index}-${name}`} variant="outline" color="gray" tt="none" maw="100%" title={name}>
          {name}
        </Badge>
      ))}
    </Group>
  );
}

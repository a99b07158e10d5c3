/** Settings → Teams: the groups whose records a team-scoped user sees, with create, rename and members. */
import { Alert, Badge, Button, Center, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/problem-text';
import { teamsQuery, userDirectoryQuery } from '../api/queries';
import type { TeamOut } from '../api/types';
import { PlusIcon } from '../shell/icons';
import { TeamModal, type TeamModalTarget } from './team-modal';

/** The teams by name, with a button to create one and an edit button on every row. */
export function TeamsPage() {
  const { t, i18n } = useTranslation();
  const teams = useQuery(teamsQuery);
  const directory = useQuery(userDirectoryQuery);
  const [target, setTarget] = useState<TeamModalTarget | null>(null);
  const nameOf = new Map((directory.data ?? []).map((user) => [user.id, user.name]));
  const sorted = [...(teams.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, i18n.language));
  return (
    <>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Text size="sm" c="dimmed" maw={620}>
          {t('teams.intro')}
        </Text>
        <Button
          leftSection={<PlusIcon size={16} />}
          onClick={() => setTarget('new')}
          data-testid="create-team"
        >
          {t('teams.create')}
        </Button>
      </Group>
      <Paper withBorder radius="md">
        {teams.isPending ? (
          <Center p="xl">
            <Loader size="sm" />
          </Center>
        ) : teams.isError ? (
          <Alert color="red" m="md">
            {describeError(teams.error)}
          </Alert>
        ) : sorted.length === 0 ? (
          <Text c="dimmed" p="xl" ta="center" data-testid="teams-empty">
            {t('teams.empty')}
          </Text>
        ) : (
          <Stack gap={0} data-testid="team-list">
            {sorted.map((team, index) => (
              <TeamRow
                key={team.id}
                team={team}
                memberNames={team.memberIds.map((id) => nameOf.get(id) ?? '…')}
                divided={index > 0}
                onEdit={() => setTarget(team)}
              />
            ))}
          </Stack>
        )}
      </Paper>
      <TeamModal target={target} onClose={() => setTarget(null)} />
    </>
  );
}

/** One team: its name and size, who is in it, and an edit button; a list row rather than a table so it fits a phone. */
function TeamRow({
  team,
  memberNames,
  divided,
  onEdit,
}: {
  team: TeamOut;
  memberNames: string[];
  divided: boolean;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group
      wrap="nowrap"
      align="flex-start"
      gap="sm"
      px="md"
      py="sm"
      style={divided ? { borderTop: '1px solid var(--mantine-color-gray-2)' } : undefined}
      data-testid="team-row"
    >
      <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
        <Group gap="xs" align="baseline">
          <Text fw={500} size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="team-name">
            {team.name}
          </Text>
          <Text size="xs" c="dimmed">
            {t('teams.memberCount', { count: memberNames.length })}
          </Text>
        </Group>
        {memberNames.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="team-members">
            {t('teams.noMembers')}
          </Text>
        ) : (
          <Group gap={4} data-testid="team-members">
            {memberNames.map((name, index) => (
              <Badge key={`${index}-${name}`} variant="light" color="gray" tt="none" maw="100%" title={name}>
                {name}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
      <Button size="xs" variant="subtle" onClick={onEdit} data-testid="edit-team">
        {t('teams.edit')}
      </Button>
    </Group>
  );
}

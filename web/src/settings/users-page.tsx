/**
 * Settings → Users: everyone in the tenant with their role, scope and teams; invite, edit and remove,
 * and the invitations not yet accepted.
 */
import { Alert, Button, Center, Group, Loader, Paper, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/problem-text';
import { teamsQuery, usersQuery } from '../api/queries';
import type { UserOut } from '../api/types';
import { useMe } from '../auth/use-me';
import { PlusIcon } from '../shell/icons';
import { AddUserModal } from './add-user-modal';
import { EditUserModal } from './edit-user-modal';
import { PendingInvitations } from './pending-invitations';
import { RemoveUserModal } from './remove-user-modal';
import { UserCards } from './user-cards';
import type { UserListItem } from './user-list-item';
import { UserTable } from './user-table';

/** The users, as a table or as cards on a phone, with "Add user" above and edit and remove on each. */
export function UsersPage() {
  const { t } = useTranslation();
  const users = useQuery(usersQuery);
  const teams = useQuery(teamsQuery);
  const me = useMe();
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [adding, { open, close }] = useDisclosure(false);
  const [editing, setEditing] = useState<UserOut | null>(null);
  const [removing, setRemoving] = useState<UserOut | null>(null);
  const teamName = new Map((teams.data ?? []).map((team) => [team.id, team.name]));
  const items = (users.data ?? []).map((user): UserListItem => ({
    user,
    teamNames: user.teamIds.map((id) => teamName.get(id) ?? '…'),
    isSelf: user.id === me.user.id,
    onEdit: () => setEditing(user),
    onRemove: () => setRemoving(user),
  }));
  return (
    <>
      <Group justify="flex-end">
        <Button leftSection={<PlusIcon size={16} />} onClick={open} data-testid="add-user">
          {t('users.add')}
        </Button>
      </Group>
      <Paper withBorder radius="md">
        {users.isPending ? (
          <Center p="xl">
            <Loader size="sm" />
          </Center>
        ) : users.isError ? (
          <Alert color="red" m="md">
            {describeError(users.error)}
          </Alert>
        ) : items.length === 0 ? (
          <Text c="dimmed" p="xl" ta="center">
            {t('users.empty')}
          </Text>
        ) : narrow ? (
          <UserCards items={items} />
        ) : (
          <UserTable items={items} />
        )}
      </Paper>
      {me.permissions.includes('users.manage') && <PendingInvitations />}
      <AddUserModal opened={adding} onClose={close} />
      <EditUserModal user={editing} onClose={() => setEditing(null)} />
      <RemoveUserModal user={removing} onClose={() => setRemoving(null)} />
    </>
  );
}

/** The "Edit user" dialog: role, data scope and teams of one member of the tenant. */
import { Alert, Button, Group, Modal, MultiSelect, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../api/client';
import { describeError, fieldErrors } from '../api/problem-text';
import { refreshUsersAndTeams, teamsQuery } from '../api/queries';
import type { Role, UpdateUserInput, UserOut } from '../api/types';
import { RoleSelect } from './role-select';
import { ScopeSelect, type ScopeChoice } from './scope-select';
import { useLastPresent } from './use-last-present';

/** Edits `user` while it is not null; closing forgets unsaved changes. */
export function EditUserModal({ user, onClose }: { user: UserOut | null; onClose: () => void }) {
  const { t } = useTranslation();
  const shown = useLastPresent(user);
  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      title={t('users.editTitle', { name: shown?.name ?? '' })}
      centered
    >
      {shown && <EditUserForm key={shown.id} user={shown} onDone={onClose} />}
    </Modal>
  );
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((id) => b.includes(id));

/**
 * The form inside the dialog; it sends only what changed. The list shows a user's effective scope,
 * not whether it was chosen or came from the role, so an untouched scope is left alone on the server.
 * A new role moves an untouched scope to "role default", and with a new role the scope shown is
 * always sent, so the result is what the dialog showed.
 */
function EditUserForm({ user, onDone }: { user: UserOut; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const teams = useQuery(teamsQuery);
  const [role, setRole] = useState<Role>(user.role);
  const [scope, setScope] = useState<ScopeChoice>(user.scope);
  const [scopeTouched, setScopeTouched] = useState(false);
  const [teamIds, setTeamIds] = useState<string[]>(user.teamIds);
  const save = useMutation({
    mutationFn: (input: UpdateUserInput) =>
      callApi<UserOut>('PATCH', `/api/users/${encodeURIComponent(user.id)}`, input),
    onSuccess: async () => {
      await refreshUsersAndTeams(queryClient);
      onDone();
    },
  });
  const errors = fieldErrors(save.error);
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const roleChanged = role !== user.role;
    const input: UpdateUserInput = {
      ...(roleChanged ? { role } : {}),
      ...(roleChanged || scope !== user.scope ? { scope: scope === 'default' ? null : scope } : {}),
      ...(!sameSet(teamIds, user.teamIds) ? { teamIds } : {}),
    };
    if (Object.keys(input).length === 0) onDone();
    else save.mutate(input);
  };
  return (
    <form onSubmit={submit} noValidate data-testid="edit-user-form">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {user.email}
        </Text>
        {save.isError && Object.keys(errors).length === 0 && (
          <Alert color="red" title={t('users.editFailed')} data-testid="edit-user-error">
            {describeError(save.error)}
          </Alert>
        )}
        <RoleSelect
          label={t('users.role')}
          value={role}
          onChange={(next) => {
            setRole(next);
            if (!scopeTouched) setScope(next === user.role ? user.scope : 'default');
          }}
          error={errors.role}
          testId="edit-user-role"
        />
        <ScopeSelect
          value={scope}
          onChange={(next) => {
            setScope(next);
            setScopeTouched(true);
          }}
          error={errors.scope}
          testId="edit-user-scope"
        />
        <MultiSelect
          label={t('users.teams')}
          placeholder={teamIds.length === 0 ? t('users.teamsPlaceholder') : undefined}
          data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
          value={teamIds}
          onChange={setTeamIds}
          searchable
          nothingFoundMessage={t('users.noTeams')}
          error={errors.teamIds ?? (teams.isError ? describeError(teams.error) : undefined)}
          data-testid="edit-user-teams"
          comboboxProps={{ withinPortal: true }}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('users.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="edit-user-submit">
            {t('users.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

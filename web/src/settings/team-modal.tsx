/** The team dialog: a name and members, for a new team or an existing one. */
import { Alert, Button, Group, Modal, MultiSelect, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../api/client';
import { describeError, fieldErrors } from '../api/problem-text';
import { refreshUsersAndTeams, userDirectoryQuery } from '../api/queries';
import type { CreateTeamInput, TeamOut, UpdateTeamInput } from '../api/types';
import { useLastPresent } from './use-last-present';

/** What the dialog is open for: a new team, or the team to edit. */
export type TeamModalTarget = 'new' | TeamOut;

/** Creates or edits a team while `target` is not null; closing forgets unsaved changes. */
export function TeamModal({ target, onClose }: { target: TeamModalTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const shown = useLastPresent(target);
  const team = shown === 'new' ? null : shown;
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={team ? t('teams.editTitle', { name: team.name }) : t('teams.createTitle')}
      centered
    >
      {shown && <TeamForm key={team?.id ?? 'new'} team={team} onDone={onClose} />}
    </Modal>
  );
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((id) => b.includes(id));

/** The form inside the dialog; an edit sends only the fields that changed. */
function TeamForm({ team, onDone }: { team: TeamOut | null; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const directory = useQuery(userDirectoryQuery);
  const [name, setName] = useState(team?.name ?? '');
  const [memberIds, setMemberIds] = useState<string[]>(team?.memberIds ?? []);
  const save = useMutation({
    mutationFn: (input: CreateTeamInput | UpdateTeamInput) =>
      team
        ? callApi<TeamOut>('PATCH', `/api/teams/${encodeURIComponent(team.id)}`, input)
        : callApi<TeamOut>('POST', '/api/teams', input),
    onSuccess: async () => {
      await refreshUsersAndTeams(queryClient);
      onDone();
    },
  });
  const errors = fieldErrors(save.error);
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!team) return save.mutate({ name: trimmed, memberIds });
    const input: UpdateTeamInput = {
      ...(trimmed !== team.name ? { name: trimmed } : {}),
      ...(!sameSet(memberIds, team.memberIds) ? { memberIds } : {}),
    };
    if (Object.keys(input).length === 0) onDone();
    else save.mutate(input);
  };
  const people = [...(directory.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, i18n.language));
  return (
    <form onSubmit={submit} noValidate data-testid="team-form">
      <Stack gap="md">
        {save.isError && Object.keys(errors).length === 0 && (
          <Alert
            color="red"
            title={team ? t('teams.editFailed') : t('teams.failed')}
            data-testid="team-error"
          >
            {describeError(save.error)}
          </Alert>
        )}
        <TextInput
          label={t('teams.name')}
          placeholder={t('teams.namePlaceholder')}
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.name}
          data-testid="team-name-input"
          data-autofocus
        />
        <MultiSelect
          label={t('teams.members')}
          placeholder={memberIds.length === 0 ? t('teams.membersPlaceholder') : undefined}
          data={people.map((user) => ({ value: user.id, label: user.name }))}
          value={memberIds}
          onChange={setMemberIds}
          searchable
          nothingFoundMessage={t('teams.nobodyFound')}
          error={errors.memberIds ?? (directory.isError ? describeError(directory.error) : undefined)}
          data-testid="team-members-input"
          comboboxProps={{ withinPortal: true }}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('teams.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="team-submit">
            {team ? t('teams.save') : t('teams.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

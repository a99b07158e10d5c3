/** Asks before removing a user from the tenant, naming them, and shows why when the server refuses. */
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { callApi } from '../api/client';
import { describeError } from '../api/problem-text';
import { refreshUsersAndTeams } from '../api/queries';
import type { UserOut } from '../api/types';
import { useLastPresent } from './use-last-present';

/** Confirms the removal of `user` while it is not null. */
export function RemoveUserModal({ user, onClose }: { user: UserOut | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const shown = useLastPresent(user);
  const remove = useMutation({
    mutationFn: (id: string) => callApi<void>('DELETE', `/api/users/${encodeURIComponent(id)}`),
    onSuccess: async () => {
      await refreshUsersAndTeams(queryClient);
      close();
    },
  });
  const close = (): void => {
    remove.reset();
    onClose();
  };
  return (
    <Modal opened={user !== null} onClose={close} title={t('users.removeTitle')} centered>
      <Stack gap="md" data-testid="remove-user-dialog">
        <Text size="sm">
          {t('users.removeConfirm', { name: shown?.name ?? '', email: shown?.email ?? '' })}
        </Text>
        {remove.isError && (
          <Alert color="red" title={t('users.removeFailed')} data-testid="remove-user-error">
            {describeError(remove.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            {t('users.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() => user && remove.mutate(user.id)}
            data-testid="confirm-remove-user"
          >
            {t('users.remove')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Settings → Users, below the users: invitations not yet accepted, with their links and a revoke button. */
import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { callApi } from '../api/client';
import { describeError } from '../api/problem-text';
import { invitationsQuery } from '../api/queries';
import { InvitationLink } from './invitation-link';

/** The pending invitations; nothing while there are none. */
export function PendingInvitations() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const invitations = useQuery(invitationsQuery);
  const revoke = useMutation({
    mutationFn: (id: string) => callApi<null>('DELETE', `/api/invitations/${id}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: invitationsQuery.queryKey }),
  });
  const items = invitations.data ?? [];
  if (items.length === 0 && !revoke.isError) return null;
  return (
    <Stack gap="sm" data-testid="pending-invitations">
      <Title order={4}>{t('invitations.pending')}</Title>
      <Text size="sm" c="dimmed">
        {t('invitations.intro')}
      </Text>
      {revoke.isError && (
        <Alert color="red" title={t('invitations.revokeFailed')}>
          {describeError(revoke.error)}
        </Alert>
      )}
      {items.map(({ invitation, link }) => (
        <Paper key={invitation.id} withBorder radius="md" p="md" data-testid="invitation-row">
          <Stack gap="xs">
            <Group justify="space-between" wrap="wrap">
              <Group gap="xs">
                <Text fw={500}>{invitation.name}</Text>
                <Text c="dimmed" size="sm">
                  {invitation.email}
                </Text>
                <Badge variant="light">{t(`roles.${invitation.role}`)}</Badge>
              </Group>
              <Group gap="xs">
                <Text size="xs" c="dimmed">
                  {t('invitations.expires')}: {new Date(invitation.expiresAt).toLocaleString()}
                </Text>
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  loading={revoke.isPending && revoke.variables === invitation.id}
                  onClick={() => revoke.mutate(invitation.id)}
                  data-testid="revoke-invitation"
                >
                  {t('invitations.revoke')}
                </Button>
              </Group>
            </Group>
            <InvitationLink link={link} />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

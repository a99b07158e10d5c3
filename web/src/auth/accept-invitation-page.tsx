/**
 * Accepting an invitation from its link (`/accept-invitation#<token>`): signed in as the invited
 * account, or choosing a password when the email has no account yet. The token stays in the URL
 * fragment (never sent to a server in a page request) and in this tab's storage across a sign-in.
 */
import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../api/client';
import { describeError, fieldErrors } from '../api/problem-text';
import { meQuery } from '../api/queries';
import type { InvitationPreview, Me } from '../api/types';
import { Brand } from '../shell/brand';
import { LanguageSwitch } from '../shell/language-switch';
import { usePageTitle } from '../shell/use-page-title';

const STORAGE_KEY = 'kehu.invitation';

function readToken(): string {
  const fromHash = decodeURIComponent(window.location.hash.replace(/^#/, ''));
  if (fromHash) sessionStorage.setItem(STORAGE_KEY, fromHash);
  return fromHash || (sessionStorage.getItem(STORAGE_KEY) ?? '');
}

/** The page: what the invitation offers, then the way to accept that fits who is signed in. */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const [token] = useState(readToken);
  const preview = useQuery({
    queryKey: ['invitation-preview', token],
    queryFn: () => callApi<InvitationPreview>('POST', '/api/invitations/preview', { token }),
    retry: false,
  });
  const me = useQuery(meQuery);
  usePageTitle(t('invitations.acceptTitle', { tenant: preview.data?.tenantName ?? '' }));
  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="flex-end" p="md">
        <LanguageSwitch remember={false} />
      </Group>
      <Center px="md" pb="xl">
        <Stack w="100%" maw={440} gap="lg">
          <Stack align="center">
            <Brand size="lg" />
          </Stack>
          <Paper withBorder shadow="sm" p="xl" radius="lg" data-testid="accept-invitation">
            {preview.isError || (!token && !preview.isPending) ? (
              <Alert color="red" data-testid="invitation-invalid">
                {t('invitations.invalid')}
              </Alert>
            ) : preview.data && me.isSuccess ? (
              <Stack gap="md">
                <Title order={3}>{t('invitations.acceptTitle', { tenant: preview.data.tenantName })}</Title>
                <Text size="sm">
                  {t('invitations.acceptIntro', {
                    tenant: preview.data.tenantName,
                    role: t(`roles.${preview.data.role}`),
                    email: preview.data.email,
                  })}
                </Text>
                <AcceptForms token={token} preview={preview.data} me={me.data ?? null} />
              </Stack>
            ) : (
              <Text c="dimmed">…</Text>
            )}
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}

function AcceptForms({ token, preview, me }: { token: string; preview: InvitationPreview; me: Me | null }) {
  const { t } = useTranslation();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const accept = useMutation({
    mutationFn: (body: { token: string; password?: string }) =>
      callApi<Me>('POST', '/api/invitations/accept', body),
    onSuccess: async (joined) => {
      sessionStorage.removeItem(STORAGE_KEY);
      queryClient.clear();
      queryClient.setQueryData(meQuery.queryKey, joined);
      await router.navigate({ to: '/customers' });
    },
  });
  const signOut = async (): Promise<void> => {
    await callApi<void>('POST', '/api/auth/sign-out').catch(() => undefined);
    queryClient.setQueryData(meQuery.queryKey, null);
  };
  const error = accept.isError && (
    <Alert color="red" title={t('invitations.failed')} data-testid="accept-error">
      {describeError(accept.error)}
    </Alert>
  );
  if (me && me.user.email.toLowerCase() === preview.email.toLowerCase()) {
    return (
      <Stack gap="md">
        {error}
        <Button
          onClick={() => accept.mutate({ token })}
          loading={accept.isPending}
          data-testid="accept-as-me"
        >
          {t('invitations.acceptAs', { email: me.user.email })}
        </Button>
      </Stack>
    );
  }
  if (me) {
    return (
      <Stack gap="md">
        <Alert color="yellow">{t('invitations.otherAccount', { email: me.user.email })}</Alert>
        <Button variant="default" onClick={() => void signOut()} data-testid="accept-sign-out">
          {t('invitations.signOut')}
        </Button>
      </Stack>
    );
  }
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    accept.mutate({ token, password });
  };
  return (
    <Stack gap="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {error}
          <PasswordInput
            label={t('invitations.newAccount')}
            description={t('invitations.passwordHint')}
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldErrors(accept.error).password}
            data-testid="accept-password"
          />
          <Button type="submit" loading={accept.isPending} fullWidth data-testid="accept-create">
            {t('invitations.createAndAccept')}
          </Button>
        </Stack>
      </form>
      <Stack gap={4} align="center">
        <Text size="sm" c="dimmed">
          {t('invitations.haveAccount')}
        </Text>
        <Button
          variant="subtle"
          onClick={() => void router.navigate({ to: '/sign-in', search: { redirect: '/accept-invitation' } })}
          data-testid="accept-sign-in"
        >
          {t('invitations.signInFirst')}
        </Button>
      </Stack>
    </Stack>
  );
}

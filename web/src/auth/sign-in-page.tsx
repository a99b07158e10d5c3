/** The sign-in page: email and password, the server's reason when it refuses. */
import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../api/client';
import { describeError } from '../api/problem-text';
import { meQuery } from '../api/queries';
import type { Me } from '../api/types';
import { showLocale } from '../i18n/i18n';
import { Brand } from '../shell/brand';
import { LanguageSwitch } from '../shell/language-switch';
import { usePageTitle } from '../shell/use-page-title';

const route = getRouteApi('/sign-in');

/** Signs the user in and continues to where they were going, or to the customer list. */
export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('signIn.submit'));
  const { redirect } = route.useSearch();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: () => callApi<Me>('POST', '/api/auth/sign-in', { email, password }),
    onSuccess: async (me) => {
      queryClient.setQueryData(meQuery.queryKey, me);
      if (me.user.locale) await showLocale(me.user.locale);
      // `redirect` was checked to be a path on this site when the search was parsed.
      if (redirect) router.history.push(redirect);
      else await router.navigate({ to: '/customers' });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    signIn.mutate();
  };
  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="flex-end" p="md">
        <LanguageSwitch remember={false} />
      </Group>
      <Center px="md" pb="xl">
        <Stack w="100%" maw={400} gap="lg">
          <Stack align="center" gap={6}>
            <Brand size="lg" />
            <Text c="dimmed" size="sm" ta="center">
              {t('app.tagline')}
            </Text>
          </Stack>
          <Paper withBorder shadow="sm" p="xl" radius="lg">
            <form onSubmit={submit} noValidate>
              <Stack gap="md">
                <Title order={3}>{t('signIn.title')}</Title>
                {signIn.isError && (
                  <Alert color="red" title={t('signIn.failed')} data-testid="sign-in-error">
                    {describeError(signIn.error)}
                  </Alert>
                )}
                <TextInput
                  label={t('signIn.email')}
                  type="email"
                  autoComplete="username"
                  required
                  value={email}
                  onChange={(e) => setEmail(e.currentTarget.value)}
                  data-testid="sign-in-email"
                />
                <PasswordInput
                  label={t('signIn.password')}
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  data-testid="sign-in-password"
                />
                <Button type="submit" loading={signIn.isPending} fullWidth data-testid="sign-in-submit">
                  {t('signIn.submit')}
                </Button>
              </Stack>
            </form>
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}

/** What the user sees when an address leads nowhere or a page fails to load. */
import { Alert, Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/problem-text';
import { usePageTitle } from './use-page-title';

/** The page for an unknown address. */
export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('errors.notFoundTitle'));
  return (
    <Center mih="60vh" p="md">
      <Stack align="center" gap="sm" data-testid="not-found">
        <Title order={2}>{t('errors.notFoundTitle')}</Title>
        <Text c="dimmed">{t('errors.notFound')}</Text>
        <Button component={Link} to="/customers" variant="light">
          {t('errors.home')}
        </Button>
      </Stack>
    </Center>
  );
}

/** The view for an error thrown while a route loads or renders, with a way to try again. */
export function RouteErrorView({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  const router = useRouter();
  // Resetting the boundary alone would show the same failed result; invalidating reruns the loaders.
  const retry = (): void => {
    reset();
    void router.invalidate();
  };
  return (
    <Center p="xl">
      <Alert color="red" title={t('errors.title')} maw={560} w="100%" data-testid="route-error">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{describeError(error)}</Text>
          <Button size="xs" variant="white" color="red" onClick={retry}>
            {t('errors.retry')}
          </Button>
        </Stack>
      </Alert>
    </Center>
  );
}

/** In-page notice that the record an address names does not exist (or is not the caller's to see). */
export function MissingRecord({ title, text, testId }: { title: string; text: string; testId: string }) {
  return (
    <Paper withBorder p="xl" radius="md" data-testid={testId}>
      <Stack align="center" gap="xs">
        <Title order={3}>{title}</Title>
        <Text c="dimmed" ta="center">
          {text}
        </Text>
      </Stack>
    </Paper>
  );
}

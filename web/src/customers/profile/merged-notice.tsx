/** What an old address of a merged customer shows: where the customer went, with a link there. */
import { Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { customerQuery } from '../../api/queries';
import { CUSTOMER_ERRORS } from '../../../../src/modules/crm/customer/customer.contract';

/** The id a merged customer's 404 points to, or null for any other error. */
export function mergedIntoOf(error: unknown): string | null {
  if (!isApiError(error, 404) || error.code !== CUSTOMER_ERRORS.merged) return null;
  // The problem body carries `mergedInto` beside the standard members.
  const body = error.problem as { mergedInto?: unknown } | undefined;
  return typeof body?.mergedInto === 'string' ? body.mergedInto : null;
}

/** The notice, naming the surviving customer once it has loaded. */
export function MergedNotice({ intoId }: { intoId: string }) {
  const { t } = useTranslation();
  const into = useQuery(customerQuery(intoId));
  const link = (
    <Anchor renderRoot={(props) => <Link {...props} to="/customers/$id" params={{ id: intoId }} />} fw={500}>
      {into.data?.name ?? t('customers.merged.another')}
    </Anchor>
  );
  return (
    <Paper withBorder p="xl" radius="md" data-testid="customer-merged">
      <Stack align="center" gap="sm">
        <Title order={3}>{t('customers.merged.title')}</Title>
        <Text c="dimmed" ta="center">
          {t('customers.merged.text')} {link}
        </Text>
        <Button
          renderRoot={(props) => <Link {...props} to="/customers/$id" params={{ id: intoId }} />}
          variant="light"
          data-testid="merged-into-link"
        >
          {t('customers.merged.open')}
        </Button>
      </Stack>
    </Paper>
  );
}

/** The tenant's requirements forms, with their current version, and a way to make a new one. */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/problem-text';
import { PlusIcon } from '../shell/icons';
import { usePageTitle } from '../shell/use-page-title';
import { leadFormsQuery } from './lead-api';

/** The page. */
export function LeadFormsPage() {
  const { t } = useTranslation();
  usePageTitle(t('leads.builder.title'));
  const forms = useQuery(leadFormsQuery);
  return (
    <Stack gap="md" data-testid="lead-forms-page">
      <Anchor component={Link} to="/leads" size="sm">
        ← {t('leads.title')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{t('leads.builder.title')}</Title>
          <Text size="sm" c="dimmed" maw={640}>
            {t('leads.builder.intro')}
          </Text>
        </div>
        <Button
          component={Link}
          to="/lead-forms/new"
          leftSection={<PlusIcon size={16} />}
          data-testid="new-lead-form"
        >
          {t('leads.builder.new')}
        </Button>
      </Group>
      <Paper withBorder radius="md">
        {forms.isPending ? (
          <Center p="xl">
            <Loader size="sm" />
          </Center>
        ) : forms.isError ? (
          <Alert color="red">{describeError(forms.error)}</Alert>
        ) : forms.data.length === 0 ? (
          <Text c="dimmed" p="xl" ta="center">
            {t('leads.builder.empty')}
          </Text>
        ) : (
          <Table verticalSpacing="sm">
            <Table.Tbody>
              {forms.data.map((form) => (
                <Table.Tr key={form.id} data-testid="lead-form-row">
                  <Table.Td>
                    <Anchor
                      renderRoot={(props) => (
                        <Link {...props} to="/lead-forms/$id" params={{ id: form.id }} />
                      )}
                      fw={500}
                    >
                      {form.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light">{t('leads.formVersion', { version: form.currentVersion })}</Badge>
                  </Table.Td>
                  <Table.Td>{t('leads.builder.fieldCount', { count: form.fields.length })}</Table.Td>
                  <Table.Td>
                    <Anchor href={`/api/lead-forms/${form.id}/answers.csv`} size="sm">
                      {t('leads.builder.exportCsv')}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}

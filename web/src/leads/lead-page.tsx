/** One lead: its profile, status and actions, and the answers to its requirements form. */
import { Alert, Anchor, Center, Grid, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/problem-text';
import { productsQuery } from '../sales/sales-queries';
import { usePageTitle } from '../shell/use-page-title';
import { LeadActions } from './lead-actions';
import { LeadAnswersCard } from './lead-answers-card';
import { leadQuery, type Lead } from './lead-api';
import { LeadStatusBadge } from './lead-status-badge';
import { sourceLabel } from './lead-source';

/** The page. */
export function LeadPage() {
  const { t } = useTranslation();
  const id = useParams({ strict: false }).id ?? '';
  const lead = useQuery(leadQuery(id));
  const [missing, setMissing] = useState<string[]>([]);
  usePageTitle(lead.data?.name ?? t('leads.title'));
  if (lead.isPending)
    return (
      <Center p="xl">
        <Loader size="sm" />
      </Center>
    );
  if (lead.isError) return <Alert color="red">{describeError(lead.error)}</Alert>;
  const data = lead.data;
  return (
    <Stack gap="md" data-testid="lead-page">
      <Anchor component={Link} to="/leads" size="sm">
        ← {t('leads.title')}
      </Anchor>
      <Group gap="sm">
        <Title order={2}>{data.name}</Title>
        <LeadStatusBadge status={data.status} />
        {data.disqualifyReason ? <Text c="dimmed">{data.disqualifyReason}</Text> : null}
      </Group>
      {data.customerId ? (
        <Alert color="teal" data-testid="lead-converted">
          {t('leads.converted')}{' '}
          <Anchor
            renderRoot={(props) => <Link {...props} to="/customers/$id" params={{ id: data.customerId }} />}
          >
            {t('leads.openCustomer')}
          </Anchor>
          {data.dealId ? (
            <>
              {' · '}
              <Anchor
                renderRoot={(props) => <Link {...props} to="/sales/deals/$id" params={{ id: data.dealId }} />}
                data-testid="lead-open-deal"
              >
                {t('leads.openDeal')}
              </Anchor>
            </>
          ) : null}
        </Alert>
      ) : null}
      <LeadActions lead={data} onMissing={setMissing} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <LeadProfile lead={data} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <LeadAnswersCard key={data.updatedAt} lead={data} missing={missing} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** The lead's profile as label–value rows. */
function LeadProfile({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const products = useQuery({ ...productsQuery, enabled: !!lead.productId });
  const product = lead.productId ? (products.data?.find((p) => p.id === lead.productId)?.name ?? '…') : null;
  const rows: [string, string | null][] = [
    [t('leads.field.kind'), t(`leads.kind.${lead.kind}`)],
    [t('leads.field.contactName'), lead.contactName],
    [t('leads.field.phone'), lead.phone],
    [t('leads.field.email'), lead.email],
    [t('leads.field.region'), lead.region],
    [t('leads.field.product'), product],
    [t('leads.field.source'), sourceLabel(t, lead.source)],
    [t('leads.field.sourceRef'), lead.sourceRef],
    [t('leads.field.language'), t(`leads.language.${lead.language}`)],
  ];
  return (
    <Paper withBorder radius="md" p="md">
      <Table>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Td c="dimmed" w="40%">
                {label}
              </Table.Td>
              <Table.Td>{value ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {lead.note ? (
        <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {lead.note}
        </Text>
      ) : null}
    </Paper>
  );
}

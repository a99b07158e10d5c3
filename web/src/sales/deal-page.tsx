/**
 * One deal (sales/deals/$id): header with the actions, the stage stepper with the stage's guidance,
 * the lines, the quotes and their PDFs, the win probability and its reasons, the stage history, the buying committee
 * and the orders of a won deal.
 */
import { Alert, Anchor, Center, Grid, Group, Loader, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Deal } from '../../../src/modules/crm/deal/deal.contract';
import { isApiError } from '../api/client';
import { describeError } from '../api/problem-text';
import { MissingRecord } from '../shell/fallback-views';
import { BackIcon } from '../shell/icons';
import { usePageTitle } from '../shell/use-page-title';
import { DealHeader } from './deal-header';
import { DealLinesCard } from './deal-lines-card';
import { OrdersCard, ParticipantsCard } from './deal-side-cards';
import { ProbabilityCard } from './probability-card';
import { QuotesCard } from './quotes-card';
import { StageHistory } from './stage-history';
import { StageStepper } from './stage-stepper';
import { dealQuery, pipelinesQuery } from './sales-queries';

const route = getRouteApi('/app/sales/deals/$id');

/** The page. */
export function DealPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const deal = useQuery(dealQuery(id));
  usePageTitle(deal.data?.name ?? t('sales.deal.title'));
  let content;
  if (deal.isPending) {
    content = (
      <Center p="xl">
        <Loader size="sm" />
      </Center>
    );
  } else if (deal.isError) {
    content =
      isApiError(deal.error, 404) || isApiError(deal.error, 400) ? (
        <MissingRecord
          title={t('sales.deal.notFoundTitle')}
          text={t('sales.deal.notFound')}
          testId="deal-not-found"
        />
      ) : (
        <Alert color="red">{describeError(deal.error)}</Alert>
      );
  } else {
    content = <DealView deal={deal.data} />;
  }
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/sales" size="sm" data-testid="back-to-board">
        <Group gap={4} component="span">
          <BackIcon size={14} />
          {t('sales.deal.back')}
        </Group>
      </Anchor>
      {content}
    </Stack>
  );
}

function DealView({ deal }: { deal: Deal }) {
  const pipelines = useQuery(pipelinesQuery);
  const pipeline = pipelines.data?.find((p) => p.id === deal.pipelineId);
  return (
    <Stack gap="md" data-testid="deal-detail" data-deal-id={deal.id} data-outcome={deal.outcome}>
      <DealHeader deal={deal} pipeline={pipeline} />
      {pipeline && <StageStepper deal={deal} pipeline={pipeline} />}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <DealLinesCard deal={deal} />
            <QuotesCard deal={deal} />
            <StageHistory deal={deal} pipeline={pipeline} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <ProbabilityCard deal={deal} />
            <OrdersCard deal={deal} />
            <ParticipantsCard deal={deal} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** An honest page for an area that is not built yet: what it will hold, and that it is coming. */
import { Badge, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { InsightsIcon, SalesIcon } from './icons';
import { usePageTitle } from './use-page-title';

/** The areas that still wait for a release. */
export type PlannedArea = 'sales' | 'insights';

const icons = { sales: SalesIcon, insights: InsightsIcon } as const;

/** Shows the name of the area, a "coming later" badge and one sentence on what will be there. */
export function PlaceholderPage({ area }: { area: PlannedArea }) {
  const { t } = useTranslation();
  const Icon = icons[area];
  usePageTitle(t(`nav.${area}`));
  return (
    <Stack maw={720} gap="lg" data-testid={`placeholder-${area}`}>
      <Title order={2}>{t(`nav.${area}`)}</Title>
      <Paper withBorder p="xl">
        <Stack align="flex-start" gap="sm">
          <Text c="teal.7">
            <Icon size={36} />
          </Text>
          <Badge variant="light" color="gray">
            {t('placeholder.badge')}
          </Badge>
          <Text>{t(`placeholder.${area}`)}</Text>
        </Stack>
      </Paper>
    </Stack>
  );
}

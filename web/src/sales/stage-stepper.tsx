/** Where the deal stands in its pipeline, and what the stage asks of the seller (its guidance). */
import { Paper, Progress, Stack, Stepper, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Deal } from '../../../src/modules/crm/deal/deal.contract';
import type { Pipeline } from '../../../src/modules/crm/pipeline/pipeline.contract';
import { defaultText } from './default-names';

type Props = { deal: Deal; pipeline: Pipeline };

/** A stepper on wide screens; on a phone the stage, its number and a progress bar. */
export function StageStepper({ deal, pipeline }: Props) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const stages = pipeline.stages.filter((s) => !s.lost).sort((a, b) => a.position - b.position);
  const current = pipeline.stages.find((s) => s.id === deal.stageId);
  const index = stages.findIndex((s) => s.id === deal.stageId);
  const active = deal.outcome === 'won' ? stages.length : Math.max(index, 0);
  return (
    <Paper withBorder p="md" data-testid="deal-stages">
      <Stack gap="sm">
        {phone ? (
          <Stack gap={4}>
            <Text size="sm" fw={600} data-testid="deal-stage-name">
              {t('sales.deal.stageOf', {
                n: index + 1,
                total: stages.length,
                name: current ? defaultText(current.name, t) : '',
              })}
            </Text>
            <Progress value={((index + 1) / Math.max(stages.length, 1)) * 100} size="sm" />
          </Stack>
        ) : (
          <Stepper active={active} size="xs" allowNextStepsSelect={false} wrap>
            {stages.map((stage) => (
              <Stepper.Step
                key={stage.id}
                label={defaultText(stage.name, t)}
                description={`${Math.round(stage.probability * 100)}%`}
                data-testid="deal-step"
                data-current={stage.id === deal.stageId}
              />
            ))}
          </Stepper>
        )}
        {current?.guidance && (
          <Stack gap={2}>
            <Text size="xs" c="dimmed" tt="uppercase">
              {t('sales.deal.guidance')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-line' }} data-testid="deal-guidance">
              {defaultText(current.guidance, t)}
            </Text>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

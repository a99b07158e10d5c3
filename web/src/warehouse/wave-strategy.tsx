/** The wave strategy panel: a warehouse's release rules in order, edited here and saved at once. */
import { ActionIcon, Alert, Button, Group, Paper, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WaveRule, WaveStrategy } from '../../../src/modules/warehouse/wave/wave.contract';
import { describeError } from '../api/problem-text';
import { useCan } from '../auth/use-me';
import { nowrap } from './order-badges';
import { WaveRuleModal } from './wave-rule-form';
import { saveWaveStrategy, waveStrategyQuery } from './wave-queries';

/** The rules in release order, edited locally and saved at once. */
export function StrategyPanel({ warehouseId }: { warehouseId: string }) {
  const { t } = useTranslation();
  const strategy = useQuery(waveStrategyQuery(warehouseId));
  if (strategy.isPending) return null;
  if (strategy.isError) return <Alert color="red">{describeError(strategy.error)}</Alert>;
  return <StrategyEditor saved={strategy.data} title={t('waves.strategy.title')} />;
}

function StrategyEditor({ saved, title }: { saved: WaveStrategy; title: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const canEdit = useCan('warehouse.settings');
  const [rules, setRules] = useState<WaveRule[]>(saved.rules);
  const [partial, setPartial] = useState(saved.releasePartiallyAllocated);
  const [editing, setEditing] = useState<{ index: number | undefined } | undefined>();
  const dirty =
    JSON.stringify(rules) !== JSON.stringify(saved.rules) || partial !== saved.releasePartiallyAllocated;
  const save = useMutation({
    mutationFn: () =>
      saveWaveStrategy(saved.warehouseId, {
        rules,
        releasePartiallyAllocated: partial,
        // The picking settings are not edited here: send them back as they are.
        picking: saved.picking,
      }),
    onSuccess: (next) => queryClient.setQueryData(waveStrategyQuery(saved.warehouseId).queryKey, next),
  });
  const move = (index: number, by: number) =>
    setRules((current) => {
      const next = [...current];
      const [rule] = next.splice(index, 1);
      next.splice(index + by, 0, rule!);
      return next;
    });
  return (
    <Paper withBorder radius="md" p="md" data-testid="wave-strategy">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{title}</Title>
          {canEdit && (
            <Button
              size="xs"
              variant="light"
              onClick={() => setEditing({ index: undefined })}
              data-testid="wave-rule-add"
            >
              {t('waves.rule.add')}
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('waves.strategy.intro')}
        </Text>
        {rules.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="wave-rules-empty">
            {t('waves.strategy.empty')}
          </Text>
        ) : (
          <Table verticalSpacing={6} data-testid="wave-rules">
            <Table.Tbody>
              {rules.map((rule, index) => (
                <Table.Tr key={rule.name} data-testid="wave-rule" data-name={rule.name}>
                  <Table.Td w={32}>{index + 1}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {rule.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      <RuleSummary rule={rule} />
                    </Text>
                  </Table.Td>
                  {canEdit && (
                    <Table.Td style={nowrap}>
                      <Group gap={4} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          disabled={index === 0}
                          onClick={() => move(index, -1)}
                          aria-label={t('waves.rule.up')}
                        >
                          ↑
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          disabled={index === rules.length - 1}
                          onClick={() => move(index, 1)}
                          aria-label={t('waves.rule.down')}
                        >
                          ↓
                        </ActionIcon>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => setEditing({ index })}
                          data-testid="wave-rule-edit"
                        >
                          {t('waves.rule.editShort')}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setRules((current) => current.filter((_, i) => i !== index))}
                        >
                          {t('waves.rule.remove')}
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Switch
          label={t('waves.strategy.partial')}
          checked={partial}
          onChange={(event) => setPartial(event.currentTarget.checked)}
          disabled={!canEdit}
        />
        {save.isError && <Alert color="red">{describeError(save.error)}</Alert>}
        {canEdit && (
          <Group>
            <Button
              onClick={() => save.mutate()}
              disabled={!dirty}
              loading={save.isPending}
              data-testid="wave-strategy-save"
            >
              {t('waves.strategy.save')}
            </Button>
            {save.isSuccess && !dirty && (
              <Text size="sm" c="teal" data-testid="wave-strategy-saved">
                {t('waves.strategy.saved')}
              </Text>
            )}
          </Group>
        )}
      </Stack>
      <WaveRuleModal
        opened={editing !== undefined}
        rule={editing?.index !== undefined ? rules[editing.index] : undefined}
        onClose={() => setEditing(undefined)}
        onSave={(rule) => {
          setRules((current) => {
            if (editing?.index === undefined) return [...current, rule];
            return current.map((old, i) => (i === editing.index ? rule : old));
          });
          setEditing(undefined);
        }}
      />
    </Paper>
  );
}

/** "SF · single item · 浙江省 · before 16:00 · ≤ 200 orders": what a rule takes, in a line. */
function RuleSummary({ rule }: { rule: WaveRule }) {
  const { t } = useTranslation();
  const parts: string[] = [];
  if (rule.carriers) parts.push(rule.carriers.join(' / '));
  if (rule.items) parts.push(t(`waves.items.${rule.items}`));
  for (const places of [rule.provinces, rule.cities, rule.stores]) if (places) parts.push(places.join(' / '));
  if (rule.cutOffTime) parts.push(t('waves.summary.cutOff', { time: rule.cutOffTime }));
  if (rule.valueTiers) parts.push(rule.valueTiers.join(' / '));
  if (rule.types) parts.push(rule.types.map((type) => t(`warehouse.types.${type}`)).join(' / '));
  for (const key of ['orders', 'lines', 'units', 'weightKg'] as const) {
    const limit = rule.limits[key];
    if (limit !== undefined) parts.push(`≤ ${limit} ${t(`waves.limits.${key}`)}`);
  }
  return <>{parts.length > 0 ? parts.join(' · ') : t('waves.summary.everything')}</>;
}

/**
 * Warehouse → Rules (规则): the most months since production each customer value tier may receive,
 * how much each return reason counts against a supplier, and the normal weight loss of fresh goods.
 */
import {
  Alert,
  Button,
  Center,
  Group,
  Loader,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WarehouseSettings } from '../../../src/modules/warehouse/settings/warehouse-settings.contract';
import { crmSettingsQuery } from '../api/queries';
import { describeError } from '../api/problem-text';
import { usePageTitle } from '../shell/use-page-title';
import { saveWarehouseSettings, warehouseSettingsQuery } from './warehouse-queries';

const REASONS = ['wrong_goods', 'defective', 'expired', 'over_delivery', 'other'] as const;

/** The page at /warehouse/settings. */
export function WarehouseSettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('warehouse.tabs.settings'));
  const settings = useQuery(warehouseSettingsQuery);
  if (settings.isPending)
    return (
      <Center p="xl">
        <Loader size="sm" />
      </Center>
    );
  if (settings.isError) return <Alert color="red">{describeError(settings.error)}</Alert>;
  return <SettingsForm saved={settings.data} />;
}

/** The tiers to offer: the tenant's value tiers, plus any tier the rules already name. */
function useTierList(saved: WarehouseSettings): { code: string; label: string }[] {
  const crm = useQuery(crmSettingsQuery);
  const tiers = (crm.data?.valueTiers ?? []).map((tier) => ({ code: tier.code, label: tier.label }));
  for (const code of Object.keys(saved.maxStockAgeMonths))
    if (!tiers.some((tier) => tier.code === code)) tiers.push({ code, label: code });
  return tiers;
}

function SettingsForm({ saved }: { saved: WarehouseSettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const tiers = useTierList(saved);
  const [ages, setAges] = useState<Record<string, number | undefined>>(saved.maxStockAgeMonths);
  const [weights, setWeights] = useState(saved.returnReasonWeights);
  const [tolerance, setTolerance] = useState<number>(Math.round(saved.weightLossTolerancePerDay * 1000) / 10);
  const save = useMutation({
    mutationFn: () =>
      saveWarehouseSettings({
        maxStockAgeMonths: Object.fromEntries(
          Object.entries(ages).filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
        ),
        returnReasonWeights: weights,
        weightLossTolerancePerDay: tolerance / 100,
      }),
    onSuccess: (next) => queryClient.setQueryData(warehouseSettingsQuery.queryKey, next),
  });
  return (
    <Stack gap="md" maw={820} data-testid="warehouse-settings">
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Title order={4}>{t('warehouse.settings.ageTitle')}</Title>
          <Text size="sm" c="dimmed">
            {t('warehouse.settings.ageIntro')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {tiers.map((tier) => (
              <NumberInput
                key={tier.code}
                label={tier.label}
                description={tier.code}
                placeholder={t('warehouse.settings.noLimit')}
                suffix={` ${t('warehouse.settings.monthsUnit')}`}
                min={1}
                max={240}
                allowDecimal={false}
                value={ages[tier.code] ?? ''}
                onChange={(value) =>
                  setAges((prev) => ({ ...prev, [tier.code]: typeof value === 'number' ? value : undefined }))
                }
                data-testid={`age-${tier.code}`}
              />
            ))}
          </SimpleGrid>
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Title order={4}>{t('warehouse.settings.weightsTitle')}</Title>
          <Text size="sm" c="dimmed">
            {t('warehouse.settings.weightsIntro')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 5 }} spacing="sm">
            {REASONS.map((reason) => (
              <NumberInput
                key={reason}
                label={t(`warehouse.returnReasons.${reason}`)}
                min={0}
                max={10}
                step={0.5}
                decimalScale={2}
                value={weights[reason]}
                onChange={(value) =>
                  setWeights((prev) => ({ ...prev, [reason]: typeof value === 'number' ? value : 0 }))
                }
                data-testid={`weight-${reason}`}
              />
            ))}
          </SimpleGrid>
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Title order={4}>{t('warehouse.settings.toleranceTitle')}</Title>
          <NumberInput
            label={t('warehouse.settings.tolerance')}
            description={t('warehouse.settings.toleranceHint')}
            suffix=" %"
            min={0}
            max={100}
            decimalScale={1}
            value={tolerance}
            onChange={(value) => setTolerance(typeof value === 'number' ? value : 0)}
            w={260}
            data-testid="weight-loss-tolerance"
          />
        </Stack>
      </Paper>
      {save.isError && <Alert color="red">{describeError(save.error)}</Alert>}
      <Group>
        <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="warehouse-settings-save">
          {t('warehouse.settings.save')}
        </Button>
        {save.isSuccess && (
          <Text size="sm" c="teal" data-testid="warehouse-settings-saved">
            {t('warehouse.settings.saved')}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

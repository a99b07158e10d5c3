/** The editor of one wave release rule: its filters (all that are given must hold) and its caps. */
import {
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WaveRule } from '../../../src/modules/warehouse/wave/wave.contract';
import { crmSettingsQuery } from '../api/queries';
import { ORDER_TYPE_OPTIONS } from './warehouse-labels';

/** The rule without its empty lists (the API refuses an empty list: leave the filter out instead). */
function cleaned(rule: WaveRule): WaveRule {
  const lists = ['carriers', 'provinces', 'cities', 'stores', 'valueTiers', 'types'] as const;
  const out: WaveRule = { ...rule, name: rule.name.trim(), limits: { ...rule.limits } };
  for (const key of lists) if (out[key]?.length === 0) delete out[key];
  if (!out.cutOffTime) delete out.cutOffTime;
  if (!out.items) delete out.items;
  for (const key of ['orders', 'lines', 'units', 'weightKg'] as const)
    if (typeof out.limits[key] !== 'number') delete out.limits[key];
  return out;
}

/** A modal editing `rule` (a new one when it is undefined); `onSave` gets the cleaned rule. */
export function WaveRuleModal({
  opened,
  rule,
  onClose,
  onSave,
}: {
  opened: boolean;
  rule: WaveRule | undefined;
  onClose: () => void;
  onSave: (rule: WaveRule) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t(rule ? 'waves.rule.edit' : 'waves.rule.add')} size="lg">
      {opened && <RuleForm initial={rule ?? { name: '', limits: {} }} onCancel={onClose} onSave={onSave} />}
    </Modal>
  );
}

function RuleForm({
  initial,
  onCancel,
  onSave,
}: {
  initial: WaveRule;
  onCancel: () => void;
  onSave: (rule: WaveRule) => void;
}) {
  const { t } = useTranslation();
  const [rule, setRule] = useState<WaveRule>(initial);
  const set = (patch: Partial<WaveRule>) => setRule((current) => ({ ...current, ...patch }));
  const setLimit = (key: keyof WaveRule['limits'], value: string | number) =>
    set({ limits: { ...rule.limits, [key]: typeof value === 'number' ? value : undefined } });
  const crm = useQuery(crmSettingsQuery);
  const tiers = (crm.data?.valueTiers ?? []).map((tier) => ({ value: tier.code, label: tier.label }));
  const timeOk = !rule.cutOffTime || /^([01]\d|2[0-3]):[0-5]\d$/.test(rule.cutOffTime);
  return (
    <Stack gap="sm" data-testid="wave-rule-form">
      <TextInput
        label={t('waves.rule.name')}
        value={rule.name}
        onChange={(event) => set({ name: event.currentTarget.value })}
        maxLength={64}
        required
        data-testid="wave-rule-name"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TagsInput
          label={t('waves.rule.carriers')}
          value={rule.carriers ?? []}
          onChange={(carriers) => set({ carriers })}
          data-testid="wave-rule-carriers"
        />
        <Select
          label={t('waves.rule.items')}
          data={[
            { value: 'single', label: t('waves.items.single') },
            { value: 'multi', label: t('waves.items.multi') },
          ]}
          value={rule.items ?? null}
          onChange={(items) => set({ items: (items as WaveRule['items']) ?? undefined })}
          placeholder={t('waves.rule.any')}
          clearable
          data-testid="wave-rule-items"
        />
        <TagsInput
          label={t('waves.rule.provinces')}
          value={rule.provinces ?? []}
          onChange={(provinces) => set({ provinces })}
          data-testid="wave-rule-provinces"
        />
        <TagsInput
          label={t('waves.rule.cities')}
          value={rule.cities ?? []}
          onChange={(cities) => set({ cities })}
        />
        <TagsInput
          label={t('waves.rule.stores')}
          value={rule.stores ?? []}
          onChange={(stores) => set({ stores })}
        />
        <TextInput
          label={t('waves.rule.cutOffTime')}
          description={t('waves.rule.cutOffHint')}
          placeholder="16:00"
          value={rule.cutOffTime ?? ''}
          onChange={(event) => set({ cutOffTime: event.currentTarget.value || undefined })}
          error={timeOk ? undefined : t('waves.rule.timeInvalid')}
          data-testid="wave-rule-cutoff"
        />
        <MultiSelect
          label={t('waves.rule.valueTiers')}
          data={tiers}
          value={rule.valueTiers ?? []}
          onChange={(valueTiers) => set({ valueTiers })}
          placeholder={t('waves.rule.any')}
        />
        <MultiSelect
          label={t('waves.rule.types')}
          data={ORDER_TYPE_OPTIONS.map((type) => ({ value: type, label: t(`warehouse.types.${type}`) }))}
          value={rule.types ?? []}
          onChange={(types) => set({ types: types })}
          placeholder={t('waves.rule.any')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {(['orders', 'lines', 'units', 'weightKg'] as const).map((key) => (
          <NumberInput
            key={key}
            label={t(`waves.limits.${key}`)}
            value={rule.limits[key] ?? ''}
            onChange={(value) => setLimit(key, value)}
            min={key === 'weightKg' ? 0.001 : 1}
            allowDecimal={key === 'weightKg'}
            data-testid={`wave-rule-limit-${key}`}
          />
        ))}
      </SimpleGrid>
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('waves.cancel')}
        </Button>
        <Button
          onClick={() => onSave(cleaned(rule))}
          disabled={rule.name.trim() === '' || !timeOk}
          data-testid="wave-rule-save"
        >
          {t('waves.rule.done')}
        </Button>
      </Group>
    </Stack>
  );
}

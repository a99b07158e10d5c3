/** Settings → CRM → pools and recall: ownership limits, claim rate, cooldown, recall days per tier. */
import { Checkbox, Group, NumberInput, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CrmSettings, PoolRules } from '../../api/types';
import { SectionFrame } from './section-frame';
import { useSection } from './use-section';

/** A number being typed: blank while the input is empty; null where the rule allows "no limit". */
type Entry = number | '' | null;

type RecallKey = keyof PoolRules['recallDays'];
const RECALL_KEYS: RecallKey[] = ['A', 'B', 'C', 'D', 'unset'];

type PoolsDraft = Omit<
  PoolRules,
  'maxOwnedPerUser' | 'claimsPerDay' | 'reclaimCooldownDays' | 'recallDays' | 'recallWarningDays'
> & {
  maxOwnedPerUser: Entry;
  claimsPerDay: Entry;
  reclaimCooldownDays: Entry;
  recallWarningDays: Entry;
  recallDays: Record<RecallKey, Entry>;
};

/** The blank entries of the draft, by path, so Save can name them instead of sending them. */
function blanks(draft: PoolsDraft): string[] {
  const top = (
    ['maxOwnedPerUser', 'claimsPerDay', 'reclaimCooldownDays', 'recallWarningDays'] as const
  ).filter((key) => draft[key] === '');
  return [
    ...top,
    ...RECALL_KEYS.filter((key) => draft.recallDays[key] === '').map((key) => `recallDays.${key}`),
  ];
}

/** Every value of the pool rules; blank entries are caught before this is sent. */
function toRules(draft: PoolsDraft): PoolRules {
  const num = (entry: Entry): number => (typeof entry === 'number' ? entry : 0);
  const nullable = (entry: Entry): number | null => (entry === null ? null : num(entry));
  return {
    ...draft,
    maxOwnedPerUser: nullable(draft.maxOwnedPerUser),
    claimsPerDay: nullable(draft.claimsPerDay),
    reclaimCooldownDays: num(draft.reclaimCooldownDays),
    recallWarningDays: num(draft.recallWarningDays),
    recallDays: {
      A: nullable(draft.recallDays.A),
      B: nullable(draft.recallDays.B),
      C: nullable(draft.recallDays.C),
      D: nullable(draft.recallDays.D),
      unset: nullable(draft.recallDays.unset),
    },
  };
}

/** The limits, then the recall days per intent tier, then the exemptions and the warning. */
export function PoolRulesSection({ settings, editable }: { settings: CrmSettings; editable: boolean }) {
  const { t } = useTranslation();
  const section = useSection<PoolsDraft>(
    settings,
    'pools',
    (s) => s.pools,
    (draft) => ({ pools: toRules(draft) }),
  );
  const { draft, setDraft } = section;
  const missing = blanks(draft);
  const issues: Record<string, string> = { ...section.issues };
  for (const path of missing) issues[path] = t('validation.required');
  const set = <K extends keyof PoolsDraft>(key: K, value: PoolsDraft[K]): void =>
    setDraft((current) => ({ ...current, [key]: value }));
  const frame = {
    ...section.frame,
    onSave: () => (missing.length === 0 ? section.frame.onSave() : undefined),
  };
  return (
    <SectionFrame
      title={t('settings.crm.pools.title')}
      description={t('settings.crm.pools.description')}
      editable={editable}
      testId="crm-pools"
      {...frame}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <LimitInput
          label={t('settings.crm.pools.maxOwned')}
          value={draft.maxOwnedPerUser}
          onChange={(value) => set('maxOwnedPerUser', value)}
          nullLabel={t('settings.crm.pools.noLimit')}
          fallback={200}
          error={issues.maxOwnedPerUser}
          testId="pool-max-owned"
        />
        <LimitInput
          label={t('settings.crm.pools.claimsPerDay')}
          value={draft.claimsPerDay}
          onChange={(value) => set('claimsPerDay', value)}
          nullLabel={t('settings.crm.pools.noLimit')}
          fallback={20}
          error={issues.claimsPerDay}
          testId="pool-claims-per-day"
        />
        <LimitInput
          label={t('settings.crm.pools.cooldown')}
          description={t('settings.crm.pools.cooldownHint')}
          value={draft.reclaimCooldownDays}
          onChange={(value) => set('reclaimCooldownDays', value)}
          min={0}
          suffix={t('settings.crm.pools.daysSuffix')}
          error={issues.reclaimCooldownDays}
          testId="pool-cooldown"
        />
        <LimitInput
          label={t('settings.crm.pools.warningDays')}
          description={t('settings.crm.pools.warningHint')}
          value={draft.recallWarningDays}
          onChange={(value) => set('recallWarningDays', value)}
          min={0}
          max={365}
          suffix={t('settings.crm.pools.daysSuffix')}
          error={issues.recallWarningDays}
          testId="pool-warning-days"
        />
      </SimpleGrid>
      <Stack gap={6}>
        <Text fw={500} size="sm">
          {t('settings.crm.pools.recallDays')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('settings.crm.pools.recallHint')}
        </Text>
        <SimpleGrid cols={{ base: 2, xs: 3, md: 5 }}>
          {RECALL_KEYS.map((key) => (
            <LimitInput
              key={key}
              label={
                key === 'unset'
                  ? t('settings.crm.pools.unsetTier')
                  : t('settings.crm.pools.tier', { tier: key })
              }
              value={draft.recallDays[key]}
              onChange={(value) => set('recallDays', { ...draft.recallDays, [key]: value })}
              nullLabel={t('settings.crm.pools.never')}
              fallback={30}
              max={3650}
              suffix={t('settings.crm.pools.daysSuffix')}
              error={issues[`recallDays.${key}`]}
              testId={`pool-recall-${key}`}
            />
          ))}
        </SimpleGrid>
      </Stack>
      <Stack gap={6}>
        <Text fw={500} size="sm">
          {t('settings.crm.pools.exempt')}
        </Text>
        <Group gap="xl">
          {(['locked', 'openDeal', 'won'] as const).map((key) => (
            <Switch
              key={key}
              label={t(`settings.crm.pools.exemptions.${key}`)}
              checked={draft.recallExempt[key]}
              onChange={(event) =>
                set('recallExempt', { ...draft.recallExempt, [key]: event.currentTarget.checked })
              }
              data-testid={`pool-exempt-${key}`}
            />
          ))}
        </Group>
      </Stack>
    </SectionFrame>
  );
}

type LimitProps = {
  label: string;
  description?: string;
  value: Entry;
  onChange: (value: Entry) => void;
  /** When given, a checkbox turns the limit off (null); unticking it restores `fallback`. */
  nullLabel?: string;
  fallback?: number;
  min?: number;
  max?: number;
  suffix?: string;
  error?: string;
  testId: string;
};

/** A whole-number input, with an optional "no limit" / "never" checkbox beneath. */
function LimitInput(props: LimitProps) {
  const off = props.value === null;
  return (
    <Stack gap={4}>
      <NumberInput
        label={props.label}
        description={props.description}
        value={props.value ?? ''}
        onChange={(value) => props.onChange(typeof value === 'number' ? value : '')}
        min={props.min ?? 1}
        max={props.max}
        allowDecimal={false}
        allowNegative={false}
        suffix={props.suffix ? ` ${props.suffix}` : undefined}
        disabled={off}
        error={props.error}
        data-testid={props.testId}
      />
      {props.nullLabel && (
        <Checkbox
          size="xs"
          label={props.nullLabel}
          checked={off}
          onChange={(event) => props.onChange(event.currentTarget.checked ? null : (props.fallback ?? 1))}
          data-testid={`${props.testId}-off`}
        />
      )}
    </Stack>
  );
}

/** The small form under the tier rules: pick a tier, gather conditions, add the rule at the end. */
import {
  Badge,
  Button,
  CloseButton,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BUDGET_STATES,
  INTENT_TIERS,
  NEED_STATES,
  type IntentTier,
  type TierCondition,
  type TierRule,
} from '../../api/types';
import { describeCondition, TIER_FACTS } from './tier-condition-text';

type Fact = TierCondition['fact'];

/** The condition the inputs describe now. */
function conditionOf(fact: Fact, state: string, flag: boolean, days: number): TierCondition {
  switch (fact) {
    case 'budget':
      return { fact, is: BUDGET_STATES.find((s) => s === state) ?? 'confirmed' };
    case 'need':
      return { fact, is: NEED_STATES.find((s) => s === state) ?? 'recorded' };
    case 'daysSinceContact':
      return { fact, atLeast: days };
    case 'decisionMakerKnown':
    case 'openObjection':
    case 'refused':
      return { fact, is: flag };
  }
}

/** Builds a rule from its conditions; `onAdd` receives it when it has at least one. */
export function TierRuleForm({ onAdd }: { onAdd: (rule: TierRule) => void }) {
  const { t } = useTranslation();
  const [tier, setTier] = useState<IntentTier>('A');
  const [fact, setFact] = useState<Fact>('budget');
  const [state, setState] = useState('confirmed');
  const [flag, setFlag] = useState(true);
  const [days, setDays] = useState(30);
  const [conditions, setConditions] = useState<TierCondition[]>([]);
  const states =
    fact === 'budget'
      ? BUDGET_STATES.map((s) => ({ value: s, label: t(`customers.budgetStates.${s}`) }))
      : NEED_STATES.map((s) => ({ value: s, label: t(`customers.needStates.${s}`) }));
  const chooseFact = (value: string | null): void => {
    const next = TIER_FACTS.find((f) => f === value) ?? 'budget';
    setFact(next);
    setState(next === 'need' ? 'recorded' : 'confirmed');
  };
  return (
    <Paper withBorder p="sm" radius="sm" bg="var(--mantine-color-gray-0)" data-testid="tier-rule-form">
      <Stack gap="xs">
        <Text fw={500} size="sm">
          {t('settings.crm.tierRules.addTitle')}
        </Text>
        <Group gap="xs" align="flex-end" wrap="wrap">
          <Select
            w={90}
            label={t('settings.crm.tierRules.tier')}
            data={[...INTENT_TIERS]}
            value={tier}
            onChange={(value) => setTier(INTENT_TIERS.find((x) => x === value) ?? 'A')}
            allowDeselect={false}
            data-testid="tier-rule-tier"
          />
          <Select
            w={{ base: '100%', xs: 200 }}
            label={t('settings.crm.tierRules.fact')}
            data={TIER_FACTS.map((f) => ({ value: f, label: t(`settings.crm.tierRules.facts.${f}`) }))}
            value={fact}
            onChange={chooseFact}
            allowDeselect={false}
            data-testid="tier-rule-fact"
          />
          {(fact === 'budget' || fact === 'need') && (
            <Select
              w={{ base: '100%', xs: 170 }}
              label={t('settings.crm.tierRules.is')}
              data={states}
              value={state}
              onChange={(value) => setState(value ?? state)}
              allowDeselect={false}
              data-testid="tier-rule-state"
            />
          )}
          {(fact === 'decisionMakerKnown' || fact === 'openObjection' || fact === 'refused') && (
            <SegmentedControl
              value={flag ? 'yes' : 'no'}
              onChange={(value) => setFlag(value === 'yes')}
              data={[
                { value: 'yes', label: t('customers.yes') },
                { value: 'no', label: t('customers.no') },
              ]}
            />
          )}
          {fact === 'daysSinceContact' && (
            <NumberInput
              w={130}
              label={t('settings.crm.tierRules.atLeastDays')}
              value={days}
              onChange={(value) => setDays(typeof value === 'number' ? value : 0)}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              data-testid="tier-rule-days"
            />
          )}
          <Button
            variant="default"
            onClick={() => setConditions((current) => [...current, conditionOf(fact, state, flag, days)])}
            data-testid="tier-rule-add-condition"
          >
            {t('settings.crm.tierRules.addCondition')}
          </Button>
        </Group>
        <Group gap={6} wrap="wrap">
          {conditions.map((condition, index) => (
            <Badge
              key={index}
              variant="light"
              tt="none"
              pr={3}
              rightSection={
                <CloseButton
                  size="xs"
                  aria-label={t('settings.crm.remove')}
                  onClick={() => setConditions((current) => current.filter((_, i) => i !== index))}
                />
              }
            >
              {describeCondition(condition, t)}
            </Badge>
          ))}
          <Button
            size="xs"
            disabled={conditions.length === 0}
            onClick={() => {
              onAdd({ tier, when: conditions });
              setConditions([]);
            }}
            data-testid="tier-rule-add"
          >
            {t('settings.crm.tierRules.addRule', { tier })}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Settings → CRM → tier rules: the ordered rules that suggest an intent tier; the first match wins. */
import { Badge, CloseButton, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { INTENT_TIERS, type CrmSettings, type TierRule } from '../../api/types';
import { TierChip } from '../../customers/tiers/tier-chip';
import { moveItem, RowControls } from './list-controls';
import { SectionFrame } from './section-frame';
import { describeCondition } from './tier-condition-text';
import { TierRuleForm } from './tier-rule-form';
import { useSection } from './use-section';

/** One row per rule in order: its number, its tier, its conditions as chips; the add form below. */
export function TierRulesSection({ settings, editable }: { settings: CrmSettings; editable: boolean }) {
  const { t } = useTranslation();
  const section = useSection(
    settings,
    'tierRules',
    (s) => s.tierRules,
    (tierRules) => ({ tierRules }),
  );
  const { draft, setDraft, issues } = section;
  const change = (index: number, rule: TierRule): void =>
    setDraft((current) => current.map((old, i) => (i === index ? rule : old)));
  return (
    <SectionFrame
      title={t('settings.crm.tierRules.title')}
      description={t('settings.crm.tierRules.description')}
      editable={editable}
      testId="crm-tier-rules"
      {...section.frame}
    >
      <Stack gap={6}>
        {draft.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('settings.crm.tierRules.empty')}
          </Text>
        )}
        {draft.map((rule, index) => (
          <Paper key={index} withBorder px="sm" py={6} radius="sm" data-testid="tier-rule-row">
            <Group justify="space-between" wrap="nowrap" gap="xs" align="center">
              <Group gap="xs" wrap="wrap" miw={0} flex={1}>
                <Text size="sm" c="dimmed" w={22} ta="right">
                  {index + 1}.
                </Text>
                {editable ? (
                  <Select
                    w={70}
                    size="xs"
                    aria-label={t('settings.crm.tierRules.tier')}
                    data={[...INTENT_TIERS]}
                    value={rule.tier}
                    onChange={(value) =>
                      change(index, { ...rule, tier: INTENT_TIERS.find((x) => x === value) ?? rule.tier })
                    }
                    allowDeselect={false}
                    data-testid="tier-rule-row-tier"
                  />
                ) : (
                  <TierChip dimension="intent" tier={rule.tier} />
                )}
                <Text size="sm" c="dimmed">
                  {t('settings.crm.tierRules.when')}
                </Text>
                {rule.when.map((condition, at) => (
                  <Badge
                    key={at}
                    variant="light"
                    color="gray"
                    tt="none"
                    pr={rule.when.length > 1 && editable ? 3 : undefined}
                    rightSection={
                      rule.when.length > 1 && editable ? (
                        <CloseButton
                          size="xs"
                          aria-label={t('settings.crm.remove')}
                          onClick={() =>
                            change(index, { ...rule, when: rule.when.filter((_, i) => i !== at) })
                          }
                        />
                      ) : undefined
                    }
                    data-testid="tier-rule-condition"
                  >
                    {describeCondition(condition, t)}
                  </Badge>
                ))}
              </Group>
              {editable && (
                <RowControls
                  index={index}
                  count={draft.length}
                  onMove={(step) => setDraft((current) => moveItem(current, index, step))}
                  onRemove={() => setDraft((current) => current.filter((_, i) => i !== index))}
                  testId="tier-rule"
                />
              )}
            </Group>
            {issues[String(index)] && (
              <Text size="xs" c="red">
                {issues[String(index)]}
              </Text>
            )}
          </Paper>
        ))}
        {editable && <TierRuleForm onAdd={(rule) => setDraft((current) => [...current, rule])} />}
      </Stack>
    </SectionFrame>
  );
}

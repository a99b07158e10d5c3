/** Settings → CRM → value tiers: the tenant's list of codes and labels (e.g. svip / SVIP). */
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CrmSettings } from '../../api/types';
import { moveItem, RowControls } from './list-controls';
import { SectionFrame } from './section-frame';
import { useSection } from './use-section';

type Tier = CrmSettings['valueTiers'][number];

/** One row per tier, in the order the interface lists them; at least one tier stays. */
export function ValueTiersSection({ settings, editable }: { settings: CrmSettings; editable: boolean }) {
  const { t } = useTranslation();
  const section = useSection(
    settings,
    'valueTiers',
    (s) => s.valueTiers,
    (valueTiers) => ({ valueTiers }),
  );
  const { draft, setDraft, issues } = section;
  const change = (index: number, patch: Partial<Tier>): void =>
    setDraft((current) => current.map((tier, i) => (i === index ? { ...tier, ...patch } : tier)));
  return (
    <SectionFrame
      title={t('settings.crm.valueTiers.title')}
      description={t('settings.crm.valueTiers.description')}
      editable={editable}
      testId="crm-value-tiers"
      {...section.frame}
    >
      <Stack gap="xs">
        {draft.map((tier, index) => (
          <Group key={index} gap="xs" align="flex-start" wrap="nowrap" data-testid="value-tier-row">
            <TextInput
              flex="0 1 160px"
              miw={0}
              aria-label={t('settings.crm.valueTiers.code')}
              placeholder={t('settings.crm.valueTiers.code')}
              value={tier.code}
              onChange={(event) => change(index, { code: event.currentTarget.value })}
              error={issues[`${index}.code`]}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              data-testid="value-tier-code"
            />
            <TextInput
              flex="1 1 200px"
              miw={0}
              aria-label={t('settings.crm.valueTiers.label')}
              placeholder={t('settings.crm.valueTiers.label')}
              value={tier.label}
              onChange={(event) => change(index, { label: event.currentTarget.value })}
              error={issues[`${index}.label`]}
              data-testid="value-tier-label"
            />
            <RowControls
              index={index}
              count={draft.length}
              canRemove={draft.length > 1}
              onMove={(step) => setDraft((current) => moveItem(current, index, step))}
              onRemove={() => setDraft((current) => current.filter((_, i) => i !== index))}
              testId="value-tier"
            />
          </Group>
        ))}
        {editable && (
          <Group>
            <Button
              variant="subtle"
              size="xs"
              onClick={() => setDraft((current) => [...current, { code: '', label: '' }])}
              disabled={draft.length >= 20}
              data-testid="add-value-tier"
            >
              {t('settings.crm.valueTiers.add')}
            </Button>
          </Group>
        )}
      </Stack>
    </SectionFrame>
  );
}

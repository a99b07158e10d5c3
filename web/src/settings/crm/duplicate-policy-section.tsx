/** Settings → CRM → duplicates (查重): refuse or only warn when a new customer looks like an existing one. */
import { SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CrmSettings, DuplicatePolicy } from '../../api/types';
import { SectionFrame } from './section-frame';
import { useSection } from './use-section';

const ENTRY_POINTS = ['create', 'import'] as const;

/** One block / warn switch per entry point (the form and the API; CSV import). */
export function DuplicatePolicySection({ settings, editable }: { settings: CrmSettings; editable: boolean }) {
  const { t } = useTranslation();
  const section = useSection(
    settings,
    'duplicatePolicy',
    (s) => s.duplicatePolicy,
    (duplicatePolicy) => ({ duplicatePolicy }),
  );
  const { draft, setDraft } = section;
  return (
    <SectionFrame
      title={t('settings.crm.duplicates.title')}
      description={t('settings.crm.duplicates.description')}
      editable={editable}
      testId="crm-duplicates"
      {...section.frame}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {ENTRY_POINTS.map((entry) => (
          <Stack key={entry} gap={4}>
            <Text fw={500} size="sm">
              {t(`settings.crm.duplicates.${entry}`)}
            </Text>
            <SegmentedControl
              value={draft[entry]}
              onChange={(value) =>
                setDraft((current) => ({ ...current, [entry]: value === 'warn' ? 'warn' : 'block' }))
              }
              disabled={!editable}
              data={(['block', 'warn'] as const satisfies readonly DuplicatePolicy[]).map((policy) => ({
                value: policy,
                label: t(`settings.crm.duplicates.${policy}`),
              }))}
              data-testid={`duplicate-policy-${entry}`}
            />
            <Text size="xs" c="dimmed">
              {t(`settings.crm.duplicates.${draft[entry]}Hint`)}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
    </SectionFrame>
  );
}

/**
 * Settings → CRM: value tiers, pool and recall rules, the duplicate policy, custom fields and the
 * tier rules. Each section saves on its own; users without `crm.settings` see it read-only.
 */
import { Alert, Center, Loader, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/problem-text';
import { crmSettingsQuery } from '../api/queries';
import { useCan } from '../auth/use-me';
import { CustomFieldsSection } from './crm/custom-fields-section';
import { DuplicatePolicySection } from './crm/duplicate-policy-section';
import { PoolRulesSection } from './crm/pool-rules-section';
import { TierRulesSection } from './crm/tier-rules-section';
import { ValueTiersSection } from './crm/value-tiers-section';

/** The page at /settings/crm. */
export function CrmSettingsPage() {
  const { t } = useTranslation();
  const settings = useQuery(crmSettingsQuery);
  const editable = useCan('crm.settings');
  if (settings.isPending) {
    return (
      <Center p="xl">
        <Loader size="sm" />
      </Center>
    );
  }
  if (settings.isError) {
    return (
      <Alert color="red" title={t('errors.title')}>
        {describeError(settings.error)}
      </Alert>
    );
  }
  return (
    <Stack gap="lg" data-testid="crm-settings">
      {!editable && (
        <Alert color="gray" data-testid="crm-settings-read-only">
          {t('settings.crm.readOnly')}
        </Alert>
      )}
      <ValueTiersSection settings={settings.data} editable={editable} />
      <PoolRulesSection settings={settings.data} editable={editable} />
      <DuplicatePolicySection settings={settings.data} editable={editable} />
      <CustomFieldsSection settings={settings.data} editable={editable} />
      <TierRulesSection settings={settings.data} editable={editable} />
    </Stack>
  );
}

/** What an offline CSV import did: stored, duplicates and rejected as big numbers, then the rejected rows. */
import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CountCard } from '../../shell/count-card';
import { RejectedRowsTable } from '../../shell/rejected-rows-table';
import type { OfflineImportReport } from '../../../../src/modules/insights/offline/offline-import.contract';
import { rejectionReasonText } from './offline-import-text';

/** The whole report. */
export function OfflineImportReportView({ report }: { report: OfflineImportReport }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="offline-import-report">
      <SimpleGrid cols={3} spacing="sm">
        <CountCard
          label={t('sources.importCsv.stored')}
          value={report.stored}
          color="teal"
          testId="offline-stored"
        />
        <CountCard
          label={t('sources.importCsv.duplicates')}
          value={report.duplicates}
          color="orange"
          testId="offline-duplicates"
        />
        <CountCard
          label={t('sources.importCsv.rejected')}
          value={report.rejected.length}
          color="red"
          testId="offline-rejected"
        />
      </SimpleGrid>
      {report.duplicates > 0 && (
        <Text size="sm" c="dimmed">
          {t('sources.importCsv.duplicatesIntro')}
        </Text>
      )}
      {report.rejected.length > 0 && <RejectedTable rejected={report.rejected} />}
    </Stack>
  );
}

function RejectedTable({ rejected }: { rejected: OfflineImportReport['rejected'] }) {
  const { t } = useTranslation();
  const reason = (message: string): string => {
    const text = rejectionReasonText(message);
    return text ? t(`sources.importCsv.${text.key}`, text.values) : message;
  };
  return (
    <Stack gap="xs">
      <Title order={5}>{t('sources.importCsv.rejectedTitle')}</Title>
      <Text size="sm" c="dimmed">
        {t('sources.importCsv.rejectedIntro')}
      </Text>
      <RejectedRowsTable
        rejected={rejected}
        texts="sources.importCsv"
        fieldText={(field) => (field === 'row' ? t('sources.importCsv.wholeRow') : undefined)}
        messageText={reason}
        testId="offline-rejected-table"
        rowTestId="offline-rejection"
      />
    </Stack>
  );
}

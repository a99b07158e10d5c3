/** What an offline CSV import did: stored, duplicates and rejected as big numbers, then the rejected rows. */
import { Code, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CountCard } from '../../shell/count-card';
import type { OfflineImportReport } from '../../../../src/modules/insights/offline/offline-import.contract';
import { rejectionReasonText } from './offline-import-text';

/** Rejected rows shown; a file with thousands of bad rows is fixed in the file, not on screen. */
const SHOWN = 200;

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
      <Table.ScrollContainer minWidth={420} maxHeight={280}>
        <Table verticalSpacing="xs" stickyHeader data-testid="offline-rejected-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>{t('sources.importCsv.row')}</Table.Th>
              <Table.Th w={130}>{t('sources.importCsv.field')}</Table.Th>
              <Table.Th>{t('sources.importCsv.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rejected.slice(0, SHOWN).map((rejection, index) => (
              <Table.Tr key={`${rejection.row}-${index}`} data-testid="offline-rejection">
                <Table.Td>{rejection.row}</Table.Td>
                <Table.Td>
                  {rejection.field === 'row' ? (
                    t('sources.importCsv.wholeRow')
                  ) : (
                    <Code>{rejection.field}</Code>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {reason(rejection.message)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rejected.length > SHOWN && (
        <Text size="xs" c="dimmed">
          {t('sources.importCsv.more', { shown: SHOWN, count: rejected.length })}
        </Text>
      )}
    </Stack>
  );
}

/** Step 3 of the import: the counts as big numbers, then the likely duplicates and the rejected rows. */
import { Anchor, Badge, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CountCard } from '../../shell/count-card';
import type { CustomFieldDef } from '../../api/types';
import type { ImportReport } from '../../../../src/modules/crm/import/import.contract';
import { useFieldLabel } from './import-labels';

/** Rows shown per table; a file with thousands of problems is fixed in the file, not on screen. */
const SHOWN = 200;

/** The whole report. */
export function ImportReportView({
  report,
  customFields,
}: {
  report: ImportReport;
  customFields: CustomFieldDef[];
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" data-testid="import-report">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <CountCard
          label={t('import.report.created')}
          value={report.created}
          testId="import-created"
          color="teal"
        />
        <CountCard
          label={t('import.report.updated')}
          value={report.updated}
          testId="import-updated"
          color="blue"
        />
        <CountCard
          label={t('import.report.duplicates')}
          value={report.duplicates.length}
          testId="import-duplicates"
          color="orange"
        />
        <CountCard
          label={t('import.report.rejected')}
          value={report.rejectedRows}
          testId="import-rejected"
          color="red"
        />
      </SimpleGrid>
      {report.dryRun && <Text c="dimmed">{t('import.report.dryRun')}</Text>}
      {report.duplicates.length > 0 && <DuplicateTable report={report} />}
      {report.rejected.length > 0 && <RejectedTable report={report} customFields={customFields} />}
      {report.duplicates.length === 0 && report.rejected.length === 0 && (
        <Text c="dimmed">{t('import.report.none')}</Text>
      )}
    </Stack>
  );
}

function More({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count <= SHOWN) return null;
  return (
    <Text size="xs" c="dimmed">
      {t('import.report.more', { shown: SHOWN, count })}
    </Text>
  );
}

function DuplicateTable({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={4}>{t('import.report.duplicatesTitle')}</Title>
      <Text size="sm" c="dimmed">
        {t('import.report.duplicatesIntro')}
      </Text>
      <Table.ScrollContainer minWidth={600}>
        <Table verticalSpacing="xs" data-testid="import-duplicate-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import.report.row')}</Table.Th>
              <Table.Th>{t('import.report.matchedOn')}</Table.Th>
              <Table.Th>{t('import.report.candidates')}</Table.Th>
              <Table.Th>{t('import.report.outcome')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.duplicates.slice(0, SHOWN).map((duplicate) => (
              <Table.Tr key={duplicate.row} data-testid="import-duplicate">
                <Table.Td>{duplicate.row}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {duplicate.matchedOn.map((key) => (
                      <Badge key={key} size="sm" variant="outline" color="orange" tt="none">
                        {t(`import.matchedOn.${key}`)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    {duplicate.candidates.map((candidate) => (
                      <Anchor
                        key={candidate.id}
                        size="sm"
                        renderRoot={(props) => (
                          <Link
                            {...props}
                            to="/customers/$id"
                            params={{ id: candidate.id }}
                            target="_blank"
                          />
                        )}
                        data-testid="import-candidate"
                      >
                        {candidate.name}
                      </Anchor>
                    ))}
                    {duplicate.candidateRows.map((line) => (
                      <Text key={line} size="xs" c="dimmed">
                        {t('import.report.lineOfFile', { line })}
                      </Text>
                    ))}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Badge
                    size="sm"
                    variant="light"
                    color={duplicate.outcome === 'skipped' ? 'gray' : 'teal'}
                    tt="none"
                  >
                    {t(`import.outcomes.${duplicate.outcome}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <More count={report.duplicates.length} />
    </Stack>
  );
}

function RejectedTable({ report, customFields }: { report: ImportReport; customFields: CustomFieldDef[] }) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel(customFields);
  return (
    <Stack gap="xs">
      <Title order={4}>{t('import.report.rejectedTitle')}</Title>
      <Text size="sm" c="dimmed">
        {t('import.report.rejectedIntro')}
      </Text>
      <Table.ScrollContainer minWidth={520}>
        <Table verticalSpacing="xs" data-testid="import-rejected-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import.report.row')}</Table.Th>
              <Table.Th>{t('import.report.field')}</Table.Th>
              <Table.Th>{t('import.report.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.rejected.slice(0, SHOWN).map((rejection, index) => (
              <Table.Tr key={`${rejection.row}-${index}`} data-testid="import-rejection">
                <Table.Td>{rejection.row}</Table.Td>
                <Table.Td>{fieldLabel(rejection.field)}</Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {rejection.message}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <More count={report.rejected.length} />
    </Stack>
  );
}

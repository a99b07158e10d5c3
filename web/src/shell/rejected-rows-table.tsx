/** The rows an import rejected — line, column, problem — capped at a few hundred with a note of how many more. */
import { Code, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** One rejected row of an import report. */
export type RejectedRow = { row: number; field: string; message: string };

/** The translation groups that hold `row`, `field`, `message` and `more`. */
export type RejectedRowsTexts = 'sources.importCsv' | 'warehouse.import';

/** Rows shown; a file with thousands of bad rows is fixed in the file, not on screen. */
const SHOWN = 200;

/**
 * The table of rejected rows. `texts` names the translation group of its headings and note;
 * `fieldText` and `messageText` may reword a field or message.
 */
export function RejectedRowsTable({
  rejected,
  texts,
  fieldText,
  messageText = (message) => message,
  testId,
  rowTestId,
}: {
  rejected: readonly RejectedRow[];
  texts: RejectedRowsTexts;
  fieldText?: (field: string) => ReactNode;
  messageText?: (message: string) => string;
  testId?: string;
  rowTestId?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Table.ScrollContainer minWidth={420} maxHeight={280}>
        <Table verticalSpacing="xs" stickyHeader data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>{t(`${texts}.row`)}</Table.Th>
              <Table.Th w={140}>{t(`${texts}.field`)}</Table.Th>
              <Table.Th>{t(`${texts}.message`)}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rejected.slice(0, SHOWN).map((rejection, index) => (
              <Table.Tr key={`${rejection.row}-${index}`} data-testid={rowTestId}>
                <Table.Td>{rejection.row}</Table.Td>
                <Table.Td>{fieldText?.(rejection.field) ?? <Code>{rejection.field}</Code>}</Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {messageText(rejection.message)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rejected.length > SHOWN && (
        <Text size="xs" c="dimmed">
          {t(`${texts}.more`, { shown: SHOWN, count: rejected.length })}
        </Text>
      )}
    </>
  );
}

/** A labelled big number, e.g. how many rows an import stored; dimmed when zero. */
import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** What a count card shows; `color` is used only when the value is not zero. */
export type CountCardProps = { label: string; value: number; color: string; testId: string };

/** One count, formatted for the reader's language. */
export function CountCard({ label, value, color, testId }: CountCardProps) {
  const { i18n } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={500}>
        {label}
      </Text>
      <Text fz={30} fw={700} lh={1.2} c={value > 0 ? color : 'dimmed'} data-testid={testId}>
        {value.toLocaleString(i18n.language)}
      </Text>
    </Paper>
  );
}

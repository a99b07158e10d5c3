/** The Kehu mark and name. */
import { Group, Text, ThemeIcon } from '@mantine/core';

/** The logo square with 客 and the product name beside it. */
export function Brand({ size = 'md' }: { size?: 'md' | 'lg' }) {
  const large = size === 'lg';
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size={large ? 40 : 30} radius="md" variant="filled" aria-hidden="true">
        <Text span fw={700} fz={large ? 22 : 17} lh={1}>
          客
        </Text>
      </ThemeIcon>
      <Text fw={700} fz={large ? 24 : 18} lh={1}>
        Kehu
      </Text>
    </Group>
  );
}

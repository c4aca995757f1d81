import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconLeaf } from '@tabler/icons-react';

/** The product name is the same in both languages: 紙レス Kamiless. */
export function Brand() {
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size={28} radius="sm" variant="filled" aria-hidden>
        <IconLeaf size={18} />
      </ThemeIcon>
      <Text fw={700} size="lg" lh={1}>
        紙レス
      </Text>
      <Text size="sm" c="dimmed" lh={1} visibleFrom="xs">
        Kamiless
      </Text>
    </Group>
  );
}

import { Group, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A bordered card with a title (and an action beside it), plain-words help and its content: the cards of 通知設定 and the settings page's mail card. */
export function SectionCard({ title, help, aside, children }: { title: string; help: ReactNode; aside?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb={4}>
        <Title order={3} fz="h4">
          {title}
        </Title>
        {aside}
      </Group>
      <Text size="sm" c="dimmed" mb="md" component="div">
        {help}
      </Text>
      {children}
    </Paper>
  );
}

import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface FigureTileProps {
  label: string;
  value: string;
  note?: ReactNode;
  /** A Mantine colour for the value (a result to notice). */
  color?: string | undefined;
}

/** One figure in a small bordered tile: a label, the value large, an optional note. */
export function FigureTile({ label, value, note, color }: FigureTileProps) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fz="xl" fw={700} lh={1.3} c={color}>
        {value}
      </Text>
      {note ? (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      ) : null}
    </Paper>
  );
}

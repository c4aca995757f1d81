import { EmptyState } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** What an empty list means and what to do about it. */
export function EmptyNotice({ message, action }: { message: string; action?: ReactNode }) {
  return (
    <EmptyState
      py="xl"
      size="sm"
      icon={<IconInbox size={28} stroke={1.5} aria-hidden />}
      withIndicatorBackground
      description={message}
    >
      {action ? <EmptyState.Actions>{action}</EmptyState.Actions> : null}
    </EmptyState>
  );
}

import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconCircleCheck, IconCircleOff, IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface RowActionsProps {
  /** Name of the record, read out with each button ("編集: 本庁舎"). */
  name: string;
  active: boolean;
  onEdit: () => void;
  /** Absent where switching is not offered (your own account). */
  onToggleActive?: () => void;
  children?: ReactNode;
}

/** Edit / deactivate / reactivate buttons of a table row. */
export function RowActions({ name, active, onEdit, onToggleActive, children }: RowActionsProps) {
  const { t } = useTranslation();
  const editLabel = `${t('common.edit')}: ${name}`;
  const toggleLabel = `${active ? t('common.deactivate') : t('common.reactivate')}: ${name}`;
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      <Tooltip label={t('common.edit')} withArrow>
        <ActionIcon variant="subtle" color="gray" onClick={onEdit} aria-label={editLabel}>
          <IconPencil size={16} aria-hidden />
        </ActionIcon>
      </Tooltip>
      {children}
      {onToggleActive ? (
      <Tooltip label={active ? t('common.deactivate') : t('common.reactivate')} withArrow>
        <ActionIcon
          variant="subtle"
          color={active ? 'red' : 'teal'}
          onClick={onToggleActive}
          aria-label={toggleLabel}
        >
          {active ? <IconCircleOff size={16} aria-hidden /> : <IconCircleCheck size={16} aria-hidden />}
        </ActionIcon>
      </Tooltip>
      ) : null}
    </Group>
  );
}

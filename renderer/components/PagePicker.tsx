import { Group, Pagination, type GroupProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface PagePickerProps extends Omit<GroupProps, 'children' | 'onChange'> {
  /** How many pages there are; nothing is shown for one. */
  pages: number;
  /** The page shown (clamped to `pages`: a list that shrank keeps a valid page). */
  page: number;
  onChange: (page: number) => void;
}

/** The page numbers under a paged list, centred, with previous/next named for screen readers. */
export function PagePicker({ pages, page, onChange, ...group }: PagePickerProps) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <Group justify="center" {...group}>
      <Pagination
        total={pages}
        value={Math.min(page, pages)}
        onChange={onChange}
        getControlProps={(control) =>
          control === 'previous' ? { 'aria-label': t('common.previousPage') } : control === 'next' ? { 'aria-label': t('common.nextPage') } : {}
        }
      />
    </Group>
  );
}

import { Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Rows of grey bars the height of table rows, so the page does not jump when data arrives. */
export function TableSkeleton({ rows = 6 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} aria-busy="true" aria-label={t('common.loading')}>
      <Skeleton height={30} />
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height={26} opacity={0.7} />
      ))}
    </Stack>
  );
}

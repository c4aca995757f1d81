import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** 有効 / 無効: inactive records stay listed because old cases still refer to them. */
export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return active ? (
    <Badge color="teal" variant="light" size="sm">
      {t('common.active')}
    </Badge>
  ) : (
    <Badge color="gray" variant="outline" size="sm">
      {t('common.inactive')}
    </Badge>
  );
}

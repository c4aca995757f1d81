import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../components/ComingSoon.js';

export function SearchPage() {
  const { t } = useTranslation();
  return (
    <ComingSoon
      title={t('nav.search')}
      icon={<IconSearch size={28} aria-hidden />}
      description={t('search.comingSoon')}
    />
  );
}

import { IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../components/ComingSoon.js';

export function LogsPage() {
  const { t } = useTranslation();
  return (
    <ComingSoon
      title={t('nav.logs')}
      icon={<IconFileImport size={28} aria-hidden />}
      description={t('logs.comingSoon')}
    />
  );
}

import { IconLeaf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../components/ComingSoon.js';

export function PaperPage() {
  const { t } = useTranslation();
  return (
    <ComingSoon
      title={t('nav.paper')}
      icon={<IconLeaf size={28} aria-hidden />}
      description={t('paper.comingSoon')}
    />
  );
}

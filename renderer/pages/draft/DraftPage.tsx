import { IconPencilPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../components/ComingSoon.js';

export function DraftPage() {
  const { t } = useTranslation();
  return (
    <ComingSoon
      title={t('nav.draft')}
      icon={<IconPencilPlus size={28} aria-hidden />}
      description={t('draft.comingSoon')}
    />
  );
}

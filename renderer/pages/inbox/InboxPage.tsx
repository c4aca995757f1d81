import { IconInbox } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../components/ComingSoon.js';

export function InboxPage() {
  const { t } = useTranslation();
  return (
    <ComingSoon
      title={t('nav.inbox')}
      icon={<IconInbox size={28} aria-hidden />}
      description={t('inbox.comingSoon')}
    />
  );
}

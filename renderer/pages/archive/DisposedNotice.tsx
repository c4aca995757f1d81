import { Alert, Text } from '@mantine/core';
import { IconArchive } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatWarekiDate } from '../../../shared/domain/wareki.js';
import { useUiLanguage } from '../../i18n/useUiLanguage.js';
import { useCaseDisposal } from './useRetention.js';

/** On the case page of a disposed case: 廃棄済み, when, by whom and why; nothing while it is kept. */
export function DisposedNotice({ caseId }: { caseId: number }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const disposal = useCaseDisposal(caseId).data?.disposal;
  if (!disposal) return null;
  return (
    <Alert color="dark" variant="light" mt="sm" icon={<IconArchive size={18} aria-hidden />} title={t('retention.disposedNotice.title')} data-testid="disposed-notice">
      <Text size="sm">
        {t('retention.disposedNotice.body', { date: formatWarekiDate(disposal.disposedAt, lang), name: disposal.disposedBy.name, reason: disposal.reason })}
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        {t('retention.disposedNotice.files')}
      </Text>
    </Alert>
  );
}

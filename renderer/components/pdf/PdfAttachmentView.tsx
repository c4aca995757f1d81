import { ActionIcon, Text, Tooltip } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PdfViewer } from './PdfViewer.js';
import { attachmentUrl } from './preloadFromAddress.js';

export interface PdfAttachmentViewProps {
  /** Digits, or null when the address named none (the viewer then shows its "not found"). */
  caseId: string | null;
  attachmentId: string | null;
  onBack: () => void;
}

/**
 * One attachment full-page, for "open in a new tab" and for narrow screens: a
 * header with the file's and the case's names, the viewer below. The bytes
 * come from the API with the case's own visibility; the case is read only for
 * the names in the header. No router in here: a tab opened at this address
 * shows it without the rest of the app (viewerMain.tsx).
 */
export function PdfAttachmentView({ caseId, attachmentId, onBack }: PdfAttachmentViewProps) {
  const { t } = useTranslation();
  const url = caseId && attachmentId ? attachmentUrl(caseId, attachmentId) : attachmentUrl('0', '0');

  // The names wait for the first page (or the viewer's error): the page is what the reader came for.
  const [pageShown, setPageShown] = useState(false);
  const showNames = () => setPageShown(true);
  const kase = useQuery({
    queryKey: ['cases', Number(caseId), 'header'],
    queryFn: () => import('./caseHeader.js').then(({ fetchCaseHeader }) => fetchCaseHeader(Number(caseId))),
    enabled: caseId !== null && pageShown,
    retry: false,
  });
  const attachment = kase.data?.attachments.find((a) => String(a.id) === attachmentId);
  const fileName = attachment?.name;

  useEffect(() => {
    if (!fileName) return;
    const before = document.title;
    document.title = `${fileName} — ${t('pdf.appTitle')}`;
    return () => {
      document.title = before;
    };
  }, [fileName, t]);

  return (
    <div className="kl-pdf-page">
      <header className="kl-pdf-page-header">
        <Tooltip label={t('pdf.back')} openDelay={400}>
          <ActionIcon variant="subtle" color="gray" size="xl" aria-label={t('pdf.back')} onClick={onBack}>
            <IconArrowLeft size={22} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <div className="kl-pdf-page-title">
          <Text fw={600} truncate="end">
            {fileName ?? t('pdf.document')}
          </Text>
          {kase.data ? (
            <Text size="xs" c="dimmed" truncate="end">
              {kase.data.number ? `${kase.data.number} ` : ''}
              {kase.data.title}
            </Text>
          ) : null}
        </div>
      </header>
      <main className="kl-pdf-page-main">
        <PdfViewer url={url} fileName={fileName} onFirstPage={showNames} onError={showNames} defaultThumbnails={window.matchMedia('(min-width: 64em)').matches} />
      </main>
    </div>
  );
}

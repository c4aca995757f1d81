// First: starts the PDF early when the app is opened at this page's address.
import { attachmentUrl } from './preloadFromAddress.js';
import { ActionIcon, Text, Tooltip } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../../shared/api/index.js';
import { call } from '../../api/client.js';
import { PdfViewer } from './PdfViewer.js';

/** Digits only: anything else is no attachment (the route then shows the viewer's "not found"). */
const idOf = (text: string | undefined) => (text && /^\d{1,12}$/.test(text) ? text : null);

/**
 * /cases/:id/attachments/:attachmentId/view: one attachment full-page, for
 * "open in a new tab" and for narrow screens. The bytes come from the API with
 * the case's own visibility; the case is read only for the names in the header.
 */
export function PdfAttachmentPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const params = useParams();
  const caseId = idOf(params['id']);
  const attachmentId = idOf(params['attachmentId']);
  const url = caseId && attachmentId ? attachmentUrl(caseId, attachmentId) : attachmentUrl('0', '0');

  const kase = useQuery({
    queryKey: ['cases', Number(caseId), 'header'],
    queryFn: () => call(api.getCase, { params: { id: Number(caseId) } }),
    enabled: caseId !== null,
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
          <ActionIcon
            variant="subtle"
            color="gray"
            size="xl"
            aria-label={t('pdf.back')}
            onClick={() => {
              // Opened in a new tab there is nothing to go back to: go to the case list instead.
              if (window.history.length > 1) void navigate(-1);
              else void navigate('/inbox');
            }}
          >
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
        <PdfViewer url={url} fileName={fileName} defaultThumbnails={window.matchMedia('(min-width: 64em)').matches} />
      </main>
    </div>
  );
}

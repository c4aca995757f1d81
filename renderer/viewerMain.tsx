import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from './api/queryClient.js';
import { PdfAttachmentView } from './components/pdf/PdfAttachmentView.js';
import { removePdfShell } from './components/pdf/pdfShell.js';
import type { OpenedAttachment } from './components/pdf/preloadFromAddress.js';
import { earlySignedIn, takeEarlyAnswers } from './earlyStart.js';
import { initI18n } from './i18n/index.js';
import { theme } from './theme.js';

/**
 * A PDF opened in a tab of its own (/cases/:id/attachments/:aid/view: "open in
 * a new tab", a link in a mail, a reload) is shown without the rest of the app:
 * no router, no other pages, no event stream. pdf.js has usually put the first
 * page on screen already (pdfShell.ts, started by main.tsx); this adds the header
 * and the viewer's controls around it. It shows at once, while the early session
 * check may still be on its way; a tab that turns out not to be signed in (or
 * cannot tell) gets the whole app instead, which signs in and comes back to this
 * same address.
 */
export async function startViewer({ caseId, attachmentId }: OpenedAttachment): Promise<void> {
  await initI18n();
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root');
  const root = createRoot(container);
  const back = () => {
    // Opened in a new tab there is nothing to go back to: go to the inbox instead.
    if (window.history.length > 1) window.history.back();
    else window.location.assign('/inbox');
  };
  // At once, effects included: the viewer takes pdf.js's container over from the shell (pdfShell.ts) before the shell goes.
  flushSync(() =>
    root.render(
      <StrictMode>
        <MantineProvider theme={theme} defaultColorScheme="light">
          <QueryClientProvider client={createQueryClient()}>
            <PdfAttachmentView caseId={caseId} attachmentId={attachmentId} onBack={back} />
          </QueryClientProvider>
        </MantineProvider>
      </StrictMode>,
    ),
  );
  removePdfShell();
  if ((await earlySignedIn()) === true) {
    takeEarlyAnswers();
    return;
  }
  root.unmount();
  const { startApp } = await import('./appMain.js');
  await startApp();
}

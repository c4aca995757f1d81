import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dropzone/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { fetchHealthFrom, fetchSession, healthQuery, sessionQuery } from './api/hooks.js';
import { createQueryClient } from './api/queryClient.js';
import { App } from './App.js';
import { takeEarlyAnswers } from './earlyStart.js';
import { initI18n } from './i18n/index.js';
import { theme } from './theme.js';

const queryClient = createQueryClient();
// Every screen waits for these two before it shows anything: index.html's early script asked for them before
// the bundle arrived; their answers go to the cache now.
const early = takeEarlyAnswers();
const earlyHealth = early['/api/health'];
const earlyMe = early['/api/me'];
if (earlyHealth) void queryClient.prefetchQuery({ ...healthQuery, queryFn: () => fetchHealthFrom(earlyHealth) });
if (earlyMe) void queryClient.prefetchQuery({ ...sessionQuery, queryFn: () => fetchSession(earlyMe) });

/** Starts the whole app in #root. */
export async function startApp(): Promise<void> {
  // Catalogues are bundled, so this resolves at once; waiting avoids a flash of raw keys.
  await initI18n();
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root');
  createRoot(container).render(
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme="light">
        {/* Bottom right: toasts must not cover the header with the user menu. */}
        <Notifications position="bottom-right" limit={4} />
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
}


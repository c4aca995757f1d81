import { Navigate, Route, Routes } from 'react-router';
import { ADMIN_ROLES, PAPER_ROLES } from './auth/access.js';
import { HealthGate } from './auth/HealthGate.js';
import { HOME_PATH } from './auth/redirect.js';
import { RequireRole } from './auth/RequireRole.js';
import { RequireSession } from './auth/RequireSession.js';
import { SessionEffects } from './auth/SessionEffects.js';
import { AppLayout } from './layout/AppLayout.js';
import { NotFoundPage } from './pages/errors/NotFoundPage.js';
import { InboxPage } from './pages/inbox/InboxPage.js';
import { LoginPage } from './pages/login/LoginPage.js';
import { SetupPage } from './pages/setup/SetupPage.js';
import {
  ArchivePage,
  CasePage,
  DepartmentsPage,
  DraftPage,
  LogsPage,
  NotificationsPage,
  PaperPage,
  PdfAttachmentPage,
  PositionsPage,
  SearchPage,
  SettingsPage,
  SitesPage,
  UsersPage,
} from './lazyPages.js';

/**
 * Routes, outermost first: the health gate (first-run set-up), then sign-in,
 * then the shell; role checks sit on the routes so a typed URL is refused
 * exactly like a hidden menu entry.
 */
export function App() {
  return (
    <>
      <SessionEffects />
      <Routes>
        <Route element={<HealthGate />}>
          <Route path="/setup" element={<SetupPage />} />
          <Route path="/login" element={<LoginPage />} />
          <Route element={<RequireSession />}>
            <Route
              path="cases/:id/attachments/:attachmentId/view"
              element={<PdfAttachmentPage />}
            />
            <Route element={<AppLayout />}>
              <Route index element={<Navigate to={HOME_PATH} replace />} />
              <Route path="inbox" element={<InboxPage />} />
              <Route path="cases/:id" element={<CasePage />} />
              <Route path="draft/:id?" element={<DraftPage />} />
              <Route path="search" element={<SearchPage />} />
              <Route path="archive" element={<ArchivePage />} />
              <Route element={<RequireRole roles={PAPER_ROLES} />}>
                <Route path="paper" element={<PaperPage />} />
                <Route path="logs" element={<LogsPage />} />
              </Route>
              <Route path="settings" element={<SettingsPage />} />
              <Route path="admin" element={<RequireRole roles={ADMIN_ROLES} />}>
                <Route index element={<Navigate to="/admin/sites" replace />} />
                <Route path="sites" element={<SitesPage />} />
                <Route path="departments" element={<DepartmentsPage />} />
                <Route path="positions" element={<PositionsPage />} />
                <Route path="users" element={<UsersPage />} />
                <Route path="notifications" element={<NotificationsPage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Route>
        </Route>
      </Routes>
    </>
  );
}

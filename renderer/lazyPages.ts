import { lazy } from 'react';

/**
 * The screens a session does not open first, each in a chunk of its own: the
 * 紙削減 charts, the admin pages and the case page are fetched
 * when first visited, so the first screen (sign-in, 受信箱) starts sooner — on a
 * tablet over the office Wi-Fi. (A PDF opened in a tab of its own does not
 * start the app at all: see main.tsx.)
 */
export const CasePage = lazy(() => import('./pages/case/CasePage.js').then((m) => ({ default: m.CasePage })));
export const DraftPage = lazy(() => import('./pages/draft/DraftPage.js').then((m) => ({ default: m.DraftPage })));
export const ArchivePage = lazy(() => import('./pages/archive/ArchivePage.js').then((m) => ({ default: m.ArchivePage })));
export const SearchPage = lazy(() => import('./pages/search/SearchPage.js').then((m) => ({ default: m.SearchPage })));
export const PaperPage = lazy(() => import('./pages/paper/PaperPage.js').then((m) => ({ default: m.PaperPage })));
export const LogsPage = lazy(() => import('./pages/logs/LogsPage.js').then((m) => ({ default: m.LogsPage })));
export const SettingsPage = lazy(() => import('./pages/settings/SettingsPage.js').then((m) => ({ default: m.SettingsPage })));
export const SitesPage = lazy(() => import('./pages/admin/sites/SitesPage.js').then((m) => ({ default: m.SitesPage })));
export const DepartmentsPage = lazy(() => import('./pages/admin/departments/DepartmentsPage.js').then((m) => ({ default: m.DepartmentsPage })));
export const PositionsPage = lazy(() => import('./pages/admin/positions/PositionsPage.js').then((m) => ({ default: m.PositionsPage })));
export const NotificationsPage = lazy(() => import('./pages/admin/notifications/NotificationsPage.js').then((m) => ({ default: m.NotificationsPage })));
export const UsersPage = lazy(() => import('./pages/admin/users/UsersPage.js').then((m) => ({ default: m.UsersPage })));
export const PdfAttachmentPage = lazy(() => import('./components/pdf/PdfAttachmentPage.js').then((m) => ({ default: m.PdfAttachmentPage })));

// First: a PDF opened at its own address starts (bytes, worker, pdf.js) before anything else is even loaded.
import { openedAttachment } from './components/pdf/preloadFromAddress.js';
import { showPdfShell } from './components/pdf/pdfShell.js';
import './global.css';

// Two starts, each loaded only when wanted. A PDF opened in a tab of its own is first put on screen by pdf.js
// alone (pdfShell.ts); then the light viewer (viewerMain.tsx) loads around it, and hands over to the app when
// the tab is not signed in. Every other address gets the app.
const opened = openedAttachment;
if (opened) {
  const handover = showPdfShell() ?? Promise.resolve();
  void handover.then(() => import('./viewerMain.js')).then(({ startViewer }) => startViewer(opened));
} else {
  void import('./appMain.js').then(({ startApp }) => startApp());
}

import { useNavigate, useParams } from 'react-router';
import { PdfAttachmentView } from './PdfAttachmentView.js';

/** Digits only: anything else is no attachment (the view then shows the viewer's "not found"). */
const idOf = (text: string | undefined) => (text && /^\d{1,12}$/.test(text) ? text : null);

/** The route /cases/:id/attachments/:attachmentId/view inside the app (reached by a link from the case page). */
export function PdfAttachmentPage() {
  const navigate = useNavigate();
  const params = useParams();
  return (
    <PdfAttachmentView
      caseId={idOf(params['id'])}
      attachmentId={idOf(params['attachmentId'])}
      onBack={() => {
        // Opened in a new tab there is nothing to go back to: go to the case list instead.
        if (window.history.length > 1) void navigate(-1);
        else void navigate('/inbox');
      }}
    />
  );
}

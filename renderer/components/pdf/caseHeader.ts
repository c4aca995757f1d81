import { approvalApi } from '../../../shared/api/approval-endpoints.js';
import { call } from '../../api/client.js';

/**
 * The case an attachment belongs to, for the full-page viewer's header. A
 * module of its own, loaded once the first page is on screen: the API client
 * and its schemas are not needed to show a PDF, and building them would delay it.
 */
export const fetchCaseHeader = (caseId: number) => call(approvalApi.getCase, { params: { id: caseId } });

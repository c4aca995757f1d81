import { api, type Attachment } from '../../../shared/api/index.js';
import { uploadFile, type UploadProgress } from '../../api/upload.js';

export interface AttachmentUpload {
  caseId: number;
  file: File;
  /** Bytes sent so far (XMLHttpRequest: fetch cannot report upload progress). */
  onProgress?: (progress: UploadProgress) => void;
  /** Every byte is sent; the hub now checks the file (and turns a scan into PDF pages). */
  onSent?: () => void;
  signal?: AbortSignal;
}

/**
 * POST /api/cases/:id/attachments as multipart/form-data (field `file`), with
 * progress. Errors are the ApiError every other call throws; a cancelled upload
 * is UploadCancelled.
 */
export function uploadAttachment({ caseId, file, onProgress, onSent, signal }: AttachmentUpload): Promise<Attachment> {
  return uploadFile(api.addAttachment, {
    params: { id: caseId },
    file,
    ...(onProgress && { onProgress }),
    ...(onSent && { onSent }),
    ...(signal && { signal }),
  });
}

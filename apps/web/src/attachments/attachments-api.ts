import { query, request } from '../api.ts';

/** A supporting document (证明材料) as the server lists it (apps/server/API.md). */
export interface Attachment {
  id: string;
  evaluationId: string;
  /** The indicator's names from the top of the tree; null: the whole evaluation. */
  indicator: string[] | null;
  fileName: string;
  kind: 'pdf' | 'png' | 'jpeg' | 'docx' | 'xlsx';
  size: number;
  public: boolean;
  uploadedByName: string;
  uploadedAt: string;
}

type Id = string | number;

export const attachmentsApi = {
  list: (evaluationId: Id) =>
    request<{ items: Attachment[] }>('GET', `/api/evaluations/${evaluationId}/attachments`),
  upload: (
    evaluationId: Id,
    file: File,
    options: { indicator?: readonly string[] | null; public?: boolean },
  ) => {
    const form = new FormData();
    form.append('file', file);
    const q = query({
      indicator: options.indicator ? JSON.stringify(options.indicator) : undefined,
      public: options.public ? '1' : undefined,
    });
    return request<Attachment>('POST', `/api/evaluations/${evaluationId}/attachments${q}`, form);
  },
  setPublic: (id: Id, value: boolean) =>
    request<Attachment>('PATCH', `/api/attachments/${id}`, { public: value }),
  remove: (id: Id) => request<{ ok: true }>('DELETE', `/api/attachments/${id}`),
  publicList: (reportId: Id) =>
    request<{ items: Attachment[] }>('GET', `/api/public/reports/${reportId}/attachments`),
};

export const attachmentUrl = (id: Id) => `/api/attachments/${id}/file`;
export const publicAttachmentUrl = (id: Id) => `/api/public/attachments/${id}/file`;

/** The file types the server takes, for the file picker. */
export const ACCEPTED = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx';

/** "1.2 MB", "35 KB". */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The key of an indicator's names (for counting a row's files). */
export const indicatorKey = (names: readonly string[]) => names.join('\u0001');

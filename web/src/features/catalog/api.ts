import { api } from '../../lib/api.ts';

/**
 * The catalog API (src/modules/catalog/routes.ts) as the admin app uses it: a site's column tree,
 * column settings, the inspection checks, and one document with its revisions and review trail.
 */

export type ColumnCategory = 'news' | 'notice' | 'policy' | 'other';
export type StepRole = 'reviewer' | 'approver' | 'liaison' | 'office_admin';

export interface ReviewStep {
  name: string;
  role: StepRole;
}

export interface Column {
  id: string;
  siteUnitId: string;
  parentId: string | null;
  name: string;
  slug: string;
  kind: string;
  category: ColumnCategory;
  updateIntervalDays: number | null;
  note: string | null;
  reviewSteps: ReviewStep[];
  ownerUnitIds: string[];
  sort: number;
  published: number;
  latest: string | null;
  measureIds: string[];
}

export interface ColumnSettings {
  category?: ColumnCategory;
  updateIntervalDays?: number | null;
  note?: string | null;
  reviewSteps?: ReviewStep[];
}

interface HealthColumn {
  id: string;
  name: string;
  slug: string;
  parentId: string | null;
  siteUnitId: string;
  siteName: string;
  interval: number | null;
  note: string | null;
}

export interface CatalogHealth {
  asOf: string;
  overdue: (HealthColumn & { latest: string; daysSince: number })[];
  blank: HealthColumn[];
  outdated: { id: string; title: string; columnId: string; siteUnitId: string; replacedById: string | null }[];
  blankBySite: { site: string; blank: number; failing: boolean }[];
}

export type Validity = 'valid' | 'amended' | 'repealed' | 'expired';
export type DocumentStatus = 'draft' | 'in_review' | 'returned' | 'rejected' | 'scheduled' | 'published' | 'withdrawn';

export interface DocumentMeta {
  publisher: string;
  writtenOn: string | null;
  docNumber: string | null;
  topic: string | null;
  validity: Validity;
  replacedById: string | null;
}

export interface WorkingCopy {
  title: string;
  bodyHtml: string;
  bodyText: string;
  meta: DocumentMeta;
  columnId: string;
}

export interface CatalogDocument extends DocumentMeta {
  id: string;
  columnId: string;
  siteUnitId: string;
  title: string;
  bodyHtml: string;
  bodyText: string;
  indexNo: string;
  status: DocumentStatus;
  reviewStep: number;
  version: number;
  workingCopy: WorkingCopy | null;
  publishAt: string | null;
  publishedAt: string | null;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Revision {
  version: number;
  title: string;
  createdAt: string;
}

export interface ReviewRecord {
  id: string;
  version: number;
  step: number;
  stepName: string;
  decision: string;
  comment: string | null;
  secrecyConfirmed: boolean;
  createdBy: string | null;
  createdAt: string;
}

export interface DocumentDetail {
  document: CatalogDocument;
  column: { id: string; name: string; reviewSteps: ReviewStep[] };
  revisions: Revision[];
  reviews: ReviewRecord[];
}

export interface DocumentInput {
  columnId: string;
  title: string;
  bodyHtml: string;
  publisher: string;
  writtenOn?: string | null;
  docNumber?: string | null;
  topic?: string | null;
  validity: Validity;
  attachmentIds: string[];
  publishAt?: string | null;
}

export interface PiiFinding {
  field: 'title' | 'body' | 'attachment';
  start: number;
  end: number;
  type: string;
  value: string;
  masked: string;
}

export interface Comparison {
  from: Revision;
  to: Revision;
  changes: { kind: 'added' | 'removed' | 'same'; text: string }[];
}

export interface UploadedFile {
  id: string;
  name: string;
  mime: string;
  size: number;
}

export const listColumns = (siteUnitId: string) => api.get<{ items: Column[] }>(`/api/catalog/sites/${siteUnitId}/columns`).then((r) => r.items);
export const updateColumn = (id: string, input: ColumnSettings) => api.patch<Column>(`/api/catalog/columns/${id}`, input);
export const getHealth = () => api.get<CatalogHealth>('/api/catalog/health');

export const getDocument = (id: string) => api.get<DocumentDetail>(`/api/documents/${id}`);
export const createDocument = (input: DocumentInput) => api.post<CatalogDocument>('/api/documents', input);
export const saveDocument = (id: string, input: DocumentInput) => api.put<CatalogDocument>(`/api/documents/${id}`, input);
export const submitDocument = (id: string) => api.post<{ ok: true }>(`/api/documents/${id}/submit`);
export const reviewDocument = (id: string, input: { decision: 'approve' | 'return' | 'reject'; comment?: string | null; secrecyConfirmed?: boolean }) =>
  api.post<{ ok: true }>(`/api/documents/${id}/reviews`, input);
export const withdrawDocument = (id: string, reason: string) => api.post<{ ok: true }>(`/api/documents/${id}/withdraw`, { reason });
export const listPii = (id: string) => api.get<{ items: PiiFinding[] }>(`/api/documents/${id}/pii`).then((r) => r.items);
export const maskPii = (id: string, values?: string[]) => api.post<{ masked: number; kept: number }>(`/api/documents/${id}/pii`, { action: 'mask', ...(values && { values }) });
export const keepPii = (id: string, f: { type: string; value: string; reason: string }) =>
  api.post<{ masked: number; kept: number }>(`/api/documents/${id}/pii`, { action: 'keep', ...f });
export const compareRevisions = (id: string, a: number, b: number) => api.get<Comparison>(`/api/documents/${id}/compare`, { a, b });

export function uploadFile(file: File): Promise<UploadedFile> {
  const form = new FormData();
  form.append('file', file);
  return api.upload<UploadedFile>('/api/files', form);
}

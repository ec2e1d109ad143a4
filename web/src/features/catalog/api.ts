import { api, ApiError } from '../../lib/api.ts';

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
  /** One person decides at most one step of a round (三审 means three people). */
  reviewDistinctPeople: boolean;
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
  reviewDistinctPeople?: boolean;
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
  /** 定时发布 of the edit; absent in copies saved before it was kept. */
  publishAt?: string | null;
  /** Approved with a publishAt still ahead: replaces the published version then. */
  approvedAt?: string;
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
  /** Who decided (or sent up) — the review trail names each step's person. */
  createdByName: string | null;
  createdAt: string;
}

/** An attachment saved with a document. */
export interface SavedAttachment {
  fileId: string;
  name: string;
  mime: string;
  size: number;
}

export interface DocumentDetail {
  document: CatalogDocument;
  column: { id: string; name: string; reviewSteps: ReviewStep[]; reviewDistinctPeople: boolean };
  revisions: Revision[];
  reviews: ReviewRecord[];
  /** Whether the signed-in user may decide the step now waiting (the server's review rule). */
  yourStep: boolean;
  /** The signed-in user sent this round up, so someone else must review it. */
  ownSubmission: boolean;
  /** The signed-in user approved an earlier step of this round, and the column wants a different person for each step. */
  decidedEarlierStep: boolean;
  /** The document's saved attachments; a save without `attachmentIds` keeps them. */
  attachments: SavedAttachment[];
  /** 政策解读 of this document, and the policies this document interprets (src/modules/catalog/get-document.ts). */
  interpretations: LinkedDocument[];
  interprets: LinkedDocument[];
}

export type InterpretationForm = 'text' | 'image' | 'video';

export interface LinkedDocument {
  id: string;
  /** Null for another unit's document that has not passed its review yet. */
  title: string | null;
  status: DocumentStatus;
  form: InterpretationForm;
  columnName: string;
  publishedAt: string | null;
  /** The interpretation's owners (or the office) may undo the link. */
  canUnlink: boolean;
}

/** A row of the admin document search (GET /api/documents?q=&page=). */
export interface DocumentHit {
  id: string;
  title: string;
  status: DocumentStatus;
  columnName: string;
}

// ---- 公开路径映射 ----

export interface PathMapping {
  id: string;
  fromPrefix: string[];
  toPrefix: string[];
  note: string | null;
}

export interface PathMappingInput {
  fromPrefix: string[];
  toPrefix: string[];
  note?: string | null;
}

export interface PathPreviewRow {
  raw: string[];
  mapped: string[];
  mapping: { id: string; fromPrefix: string[]; toPrefix: string[] } | null;
  site: 'region' | 'unit';
  column: { id: string; slug: string; url: string } | null;
  measures: number[];
  instruction: boolean;
}

export interface PathPreview {
  plan: { id: string; title: string; year: number; status: string };
  items: PathPreviewRow[];
  counts: { paths: number; mapped: number; missing: number };
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
  /** The attachments after the save (absent: keep the saved ones). */
  attachmentIds?: string[];
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
export const linkInterpretation = (policyId: string, interpretationId: string, form: InterpretationForm) =>
  api.post<{ ok: true }>(`/api/documents/${policyId}/interpretations`, { interpretationId, form });
export const unlinkInterpretation = (policyId: string, interpretationId: string) =>
  api.delete<{ ok: true }>(`/api/documents/${policyId}/interpretations/${interpretationId}`);

/**
 * Documents by title for the link picker: the admin list (GET /api/documents?q=, the documents of the
 * caller's reach, drafts included) and, with `publicToo`, published documents of any unit from the
 * public search — the policy an interpretation explains is often another unit's.
 */
export async function searchDocuments(q: string, opts: { publicToo?: boolean } = {}): Promise<{ items: DocumentHit[] }> {
  const own = (await api.get<{ total: number; items: DocumentHit[] }>('/api/documents', { q, page: 1, pageSize: 20 })).items;
  if (!opts.publicToo) return { items: own };
  const seen = new Set(own.map((d) => d.id));
  const pub = await api.get<{ hits: { id: string; title: string; column: string }[] }>('/api/public/search', { q });
  const published = pub.hits.filter((h) => !seen.has(h.id)).map((h) => ({ id: h.id, title: h.title, status: 'published' as const, columnName: h.column }));
  return { items: [...own, ...published] };
}

export const listPathMappings = () => api.get<{ items: PathMapping[] }>('/api/catalog/path-mappings').then((r) => r.items);
export const createPathMapping = (input: PathMappingInput) => api.post<PathMapping>('/api/catalog/path-mappings', input);
export const updatePathMapping = (id: string, input: PathMappingInput) => api.put<PathMapping>(`/api/catalog/path-mappings/${id}`, input);
export const deletePathMapping = (id: string) => api.delete<{ ok: true }>(`/api/catalog/path-mappings/${id}`);
export const previewPathMappings = (planId: string) => api.get<PathPreview>('/api/catalog/path-mappings/preview', { planId });
export const buildPlanColumns = (planId: string) => api.post<{ created: number; links: number }>(`/api/plans/${planId}/columns`);

// ---- 文件列表 / 待我审核 (GET /api/documents, src/modules/catalog/list-documents.ts) ----

export interface DocumentListItem {
  id: string;
  title: string;
  columnId: string;
  columnName: string;
  siteUnitId: string;
  unitName: string;
  status: DocumentStatus;
  /** The review step now waiting (also for a published document's working copy), else null. */
  currentStep: string | null;
  docNumber: string | null;
  indexNo: string;
  updatedAt: string;
  publishedAt: string | null;
  hasWorkingCopy: boolean;
  /** draft: not yet sent; in_review; scheduled: approved, replaces the published version at its 定时发布 time. */
  workingCopyState: 'draft' | 'in_review' | 'scheduled' | null;
  /** In 待我审核, at the last step: personal information still to mask or keep. */
  openFindings?: number;
}

export type DocumentListQuery = {
  siteUnitId?: string;
  /** Sub-columns included. */
  columnId?: string;
  status?: DocumentStatus;
  /** Part of the title or 发文字号. */
  q?: string;
  awaiting?: 'mine';
  page?: number;
  pageSize?: number;
};

export interface DocumentList {
  total: number;
  page: number;
  pageSize: number;
  items: DocumentListItem[];
}

export const listDocuments = (query: DocumentListQuery) => api.get<DocumentList>('/api/documents', query);

export function uploadFile(file: File): Promise<UploadedFile> {
  const form = new FormData();
  form.append('file', file);
  return api.upload<UploadedFile>('/api/files', form);
}

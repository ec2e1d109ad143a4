import { asForm, call, client, type ApiBody, type ApiData, type ApiQuery, type Schema } from '../../lib/api.ts';

/**
 * The catalog API (src/modules/catalog/routes.ts) as the admin app uses it, on the generated client:
 * the types are the server's own schemas (src/modules/catalog/schemas.ts), named here for the pages.
 */

export type Column = Schema<'CatalogColumn'>;
export type ColumnCategory = Column['category'];
export type ReviewStep = Column['reviewSteps'][number];
export type StepRole = ReviewStep['role'];
export type ColumnSettings = ApiBody<'/api/catalog/columns/{id}', 'patch'>;
export type CatalogHealth = ApiData<'/api/catalog/health', 'get'>;

export type CatalogDocument = Schema<'CatalogDocument'>;
export type DocumentStatus = CatalogDocument['status'];
export type Validity = CatalogDocument['validity'];
export type DocumentDetail = Schema<'DocumentDetail'>;
export type Revision = DocumentDetail['revisions'][number];
export type ReviewRecord = DocumentDetail['reviews'][number];
export type LinkedDocument = DocumentDetail['interpretations'][number];
export type InterpretationForm = LinkedDocument['form'];
export type DocumentInput = ApiBody<'/api/documents', 'post'>;
export type PiiFinding = ApiData<'/api/documents/{id}/pii', 'get'>['items'][number];
export type Comparison = ApiData<'/api/documents/{id}/compare', 'get'>;
export type UploadedFile = ApiData<'/api/files', 'post'>;

export type DocumentListQuery = ApiQuery<'/api/documents', 'get'>;
export type DocumentList = ApiData<'/api/documents', 'get'>;
export type DocumentListItem = DocumentList['items'][number];
/** A row of the link picker: the admin list's documents and published ones of the public search. */
export type DocumentHit = Pick<DocumentListItem, 'id' | 'title' | 'status' | 'columnName'>;

export type PathMapping = Schema<'PathMapping'>;
export type PathMappingInput = ApiBody<'/api/catalog/path-mappings', 'post'>;
export type PathPreview = ApiData<'/api/catalog/path-mappings/preview', 'get'>;
export type PathPreviewRow = PathPreview['items'][number];

const path = (id: string) => ({ params: { path: { id } } });

export const listColumns = async (siteUnitId: string) => (await call(client.GET('/api/catalog/sites/{id}/columns', path(siteUnitId)))).items;
export const updateColumn = (id: string, body: ColumnSettings) => call(client.PATCH('/api/catalog/columns/{id}', { ...path(id), body }));
export const getHealth = () => call(client.GET('/api/catalog/health'));

export const getDocument = (id: string) => call(client.GET('/api/documents/{id}', path(id)));
export const createDocument = (body: DocumentInput) => call(client.POST('/api/documents', { body }));
export const saveDocument = (id: string, body: DocumentInput) => call(client.PUT('/api/documents/{id}', { ...path(id), body }));
export const submitDocument = (id: string) => call(client.POST('/api/documents/{id}/submit', path(id)));
export const reviewDocument = (id: string, body: ApiBody<'/api/documents/{id}/reviews', 'post'>) => call(client.POST('/api/documents/{id}/reviews', { ...path(id), body }));
export const withdrawDocument = (id: string, reason: string) => call(client.POST('/api/documents/{id}/withdraw', { ...path(id), body: { reason } }));
export const listPii = async (id: string) => (await call(client.GET('/api/documents/{id}/pii', path(id)))).items;
export const maskPii = (id: string, values?: string[]) => call(client.POST('/api/documents/{id}/pii', { ...path(id), body: { action: 'mask', ...(values && { values }) } }));
export const keepPii = (id: string, f: { type: string; value: string; reason: string }) => call(client.POST('/api/documents/{id}/pii', { ...path(id), body: { action: 'keep', ...f } }));
export const compareRevisions = (id: string, a: number, b: number) => call(client.GET('/api/documents/{id}/compare', { params: { path: { id }, query: { a, b } } }));
export const linkInterpretation = (policyId: string, interpretationId: string, form: InterpretationForm) =>
  call(client.POST('/api/documents/{id}/interpretations', { ...path(policyId), body: { interpretationId, form } }));
export const unlinkInterpretation = (policyId: string, interpretationId: string) =>
  call(client.DELETE('/api/documents/{id}/interpretations/{interpretationId}', { params: { path: { id: policyId, interpretationId } } }));

/**
 * Documents by title for the link picker: the admin list (GET /api/documents?q=, the documents of the
 * caller's reach, drafts included) and, with `publicToo`, published documents of any unit from the
 * public search — the policy an interpretation explains is often another unit's.
 */
export async function searchDocuments(q: string, opts: { publicToo?: boolean } = {}): Promise<{ items: DocumentHit[] }> {
  const own: DocumentHit[] = (await listDocuments({ q, page: 1, pageSize: 20 })).items;
  if (!opts.publicToo) return { items: own };
  const seen = new Set(own.map((d) => d.id));
  const pub = await call(client.GET('/api/public/search', { params: { query: { q } } }));
  const published = pub.hits.filter((h) => !seen.has(h.id)).map((h) => ({ id: h.id, title: h.title, status: 'published' as const, columnName: h.column }));
  return { items: [...own, ...published] };
}

export const listPathMappings = async () => (await call(client.GET('/api/catalog/path-mappings'))).items;
export const createPathMapping = (body: PathMappingInput) => call(client.POST('/api/catalog/path-mappings', { body }));
export const updatePathMapping = (id: string, body: PathMappingInput) => call(client.PUT('/api/catalog/path-mappings/{id}', { ...path(id), body }));
export const deletePathMapping = (id: string) => call(client.DELETE('/api/catalog/path-mappings/{id}', path(id)));
export const previewPathMappings = (planId: string) => call(client.GET('/api/catalog/path-mappings/preview', { params: { query: { planId } } }));
export const buildPlanColumns = (planId: string) => call(client.POST('/api/plans/{id}/columns', path(planId)));

// ---- 文件列表 / 待我审核 (GET /api/documents, src/modules/catalog/list-documents.ts) ----

export const listDocuments = (query: DocumentListQuery) => call(client.GET('/api/documents', { params: { query } }));

export function uploadFile(file: File): Promise<UploadedFile> {
  const form = new FormData();
  form.append('file', file);
  return call(client.POST('/api/files', asForm(form)));
}

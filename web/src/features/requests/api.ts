import { call, client, type ApiBody, type ApiQuery, type Schema } from '../../lib/api.ts';

/** The requests API (src/modules/requests/routes.ts) for the admin pages; types are the server's schemas. */

export type RequestListItem = Schema<'RequestListItem'>;
export type RequestDetail = Schema<'RequestDetail'>;
export type RequestOptions = Schema<'RequestOptions'>;
export type ListQuery = ApiQuery<'/api/requests', 'get'>;
export type ListView = NonNullable<ListQuery['view']>;
export type CreateInput = ApiBody<'/api/requests', 'post'>;
export type LetterKind = RequestOptions['letters'][number]['kind'];

export const listRequests = (query: ListQuery) => call(client.GET('/api/requests', { params: { query } }));
export const getRequest = (id: string) => call(client.GET('/api/requests/{id}', { params: { path: { id } } }));
let options: Promise<RequestOptions> | null = null;
/** The fixed lists (outcomes with their basis, states, channels …), loaded once. */
export function loadOptions(): Promise<RequestOptions> {
  if (!options) {
    options = call(client.GET('/api/requests/options'));
    options.catch(() => {
      options = null;
    });
  }
  return options;
}
export const createRequest = (body: CreateInput) => call(client.POST('/api/requests', { body }));
export const viewIdentity = (id: string) => call(client.POST('/api/requests/{id}/identity', { params: { path: { id } } }));

/** The handling steps, one route each; the server checks the order, the dates and the clock. */
export const steps = {
  receipt: (id: string, body: ApiBody<'/api/requests/{id}/receipt', 'post'>) => call(client.POST('/api/requests/{id}/receipt', { params: { path: { id } }, body })),
  correction: (id: string, body: ApiBody<'/api/requests/{id}/correction', 'post'>) => call(client.POST('/api/requests/{id}/correction', { params: { path: { id } }, body })),
  correctionReceived: (id: string, body: ApiBody<'/api/requests/{id}/correction-received', 'post'>) =>
    call(client.POST('/api/requests/{id}/correction-received', { params: { path: { id } }, body })),
  consult: (id: string, body: ApiBody<'/api/requests/{id}/consultations', 'post'>) => call(client.POST('/api/requests/{id}/consultations', { params: { path: { id } }, body })),
  consultAnswer: (id: string, body: ApiBody<'/api/requests/{id}/consultation-answer', 'post'>) =>
    call(client.POST('/api/requests/{id}/consultation-answer', { params: { path: { id } }, body })),
  extend: (id: string, body: ApiBody<'/api/requests/{id}/extension', 'post'>) => call(client.POST('/api/requests/{id}/extension', { params: { path: { id } }, body })),
  feeNotice: (id: string, body: ApiBody<'/api/requests/{id}/fee-notice', 'post'>) => call(client.POST('/api/requests/{id}/fee-notice', { params: { path: { id } }, body })),
  feePayment: (id: string, body: ApiBody<'/api/requests/{id}/fee-payment', 'post'>) => call(client.POST('/api/requests/{id}/fee-payment', { params: { path: { id } }, body })),
  decide: (id: string, body: ApiBody<'/api/requests/{id}/decision', 'post'>) => call(client.POST('/api/requests/{id}/decision', { params: { path: { id } }, body })),
  deliver: (id: string, body: ApiBody<'/api/requests/{id}/delivery', 'post'>) => call(client.POST('/api/requests/{id}/delivery', { params: { path: { id } }, body })),
  reopen: (id: string, body: ApiBody<'/api/requests/{id}/reopen', 'post'>) => call(client.POST('/api/requests/{id}/reopen', { params: { path: { id } }, body })),
};

/** Makes a letter (takes the agency's next 文号) and returns the .docx with its file name. */
export async function makeLetter(id: string, kind: LetterKind): Promise<{ blob: Blob; filename: string; docNumber: string }> {
  const answer = await client.POST('/api/requests/{id}/letters/{kind}', { params: { path: { id, kind } }, parseAs: 'blob' });
  const blob = (await call(Promise.resolve(answer))) as unknown as Blob;
  const m = /filename\*=UTF-8''([^;]+)/.exec(answer.response.headers.get('content-disposition') ?? '');
  return { blob, filename: m ? decodeURIComponent(m[1]) : `${kind}.docx`, docNumber: decodeURIComponent(answer.response.headers.get('x-document-number') ?? '') };
}

/** A case file (envelope scan, ID document, delivery proof): the server logs every view. */
export const fileUrl = (caseId: string, fileId: string) => `/api/requests/${caseId}/files/${fileId}`;

export { uploadFile } from '../catalog/api.ts';

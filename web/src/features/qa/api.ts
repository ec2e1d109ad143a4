import { asForm, call, client, type ApiBody, type ApiData, type ApiQuery, type Schema } from '../../lib/api.ts';

/** The qa (政策咨询问答库) API as the admin app uses it; types are the server's schemas (src/modules/qa/schemas.ts). */

export type QaEntry = Schema<'QaEntry'>;
export type QaEntryListItem = ApiData<'/api/qa/entries', 'get'>['items'][number];
export type QaEntryDetail = ApiData<'/api/qa/entries/{id}', 'get'>;
export type EntryBody = ApiBody<'/api/qa/entries', 'post'>;
export type EntryQuery = ApiQuery<'/api/qa/entries', 'get'>;
export type StaffSearch = ApiData<'/api/qa/search', 'post'>;
export type RecordBody = ApiBody<'/api/qa/consultations', 'post'>;
export type LedgerItem = ApiData<'/api/qa/ledger', 'get'>['items'][number];
export type LedgerQuery = ApiQuery<'/api/qa/ledger', 'get'>;
export type QaStats = ApiData<'/api/qa/stats', 'get'>;
export type ProposalBody = ApiBody<'/api/qa/consultations/{id}/proposal', 'post'>;

export const listEntries = (query: EntryQuery) => call(client.GET('/api/qa/entries', { params: { query } }));
export const getEntry = (id: string) => call(client.GET('/api/qa/entries/{id}', { params: { path: { id } } }));
export const createEntry = (body: EntryBody) => call(client.POST('/api/qa/entries', { body }));
export const updateEntry = (id: string, body: EntryBody) => call(client.PUT('/api/qa/entries/{id}', { params: { path: { id } }, body }));
export const setEntryStatus = (id: string, action: 'publish' | 'retire' | 'draft') => call(client.POST('/api/qa/entries/{id}/status', { params: { path: { id } }, body: { action } }));
export function importBank(file: File, replace: boolean) {
  const form = new FormData();
  form.append('replace', replace ? 'true' : 'false');
  form.append('file', file, file.name);
  return call(client.POST('/api/qa/import', asForm(form)));
}
export const exportUrl = (format: 'xlsx' | 'tsv') => `/api/qa/export?format=${format}`;
export const getSynonyms = () => call(client.GET('/api/qa/synonyms'));
export const saveSynonyms = (groups: string[][]) => call(client.PUT('/api/qa/synonyms', { body: { groups } }));

export const searchLibrary = (question: string) => call(client.POST('/api/qa/search', { body: { question, limit: 10 } }));
export const recordConsultation = (body: RecordBody) => call(client.POST('/api/qa/consultations', { body }));

export const listLedger = (query: LedgerQuery) => call(client.GET('/api/qa/ledger', { params: { query } }));
export const dispatchConsultation = (id: string, unitId: string, reason?: string) => call(client.POST('/api/qa/consultations/{id}/dispatch', { params: { path: { id } }, body: { unitId, reason } }));
export const acceptConsultation = (id: string) => call(client.POST('/api/qa/consultations/{id}/accept', { params: { path: { id } } }));
export const returnConsultation = (id: string, reason: string) => call(client.POST('/api/qa/consultations/{id}/return', { params: { path: { id } }, body: { reason } }));
export const replyConsultation = (id: string, replyHtml: string) => call(client.POST('/api/qa/consultations/{id}/reply', { params: { path: { id } }, body: { replyHtml } }));
export const reviewProposal = (id: string, body: ProposalBody) => call(client.POST('/api/qa/consultations/{id}/proposal', { params: { path: { id } }, body }));

export const getStats = (month?: string) => call(client.GET('/api/qa/stats', { params: { query: month ? { month } : {} } }));
export const statsXlsxUrl = (month: string) => `/api/qa/stats.xlsx?month=${month}`;

/** Plain text typed in a box → the answer's HTML (paragraphs), escaped. */
export function textToHtml(text: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text
    .split(/\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => `<p>${esc(l)}</p>`)
    .join('');
}

import { call, client, type ApiBody, type ApiData, type ApiQuery, type Schema } from '../../lib/api.ts';

/** The mailbox (公开信箱 / 来电台账) API as the admin app uses it; types are the server's schemas (src/modules/mailbox/schemas.ts). */

export type MessageSummary = Schema<'MessageSummary'>;
export type MessageDetail = Schema<'MessageDetail'>;
export type MessageQuery = ApiQuery<'/api/mailbox/messages', 'get'>;
export type LibraryMatch = Schema<'MailboxLibraryMatch'>;
export type Candidate = LibraryMatch['items'][number];
export type PublicationPreview = Schema<'PublicationPreview'>;
export type MonthlyStats = Schema<'MailboxMonthlyStats'>;
export type CallRecord = Schema<'CallRecord'>;
export type CallQuery = ApiQuery<'/api/mailbox/calls', 'get'>;
export type CallBody = ApiBody<'/api/mailbox/calls', 'post'>;
export type PhoneRow = ApiData<'/api/mailbox/phones', 'get'>['items'][number];
export type SpotSummary = ApiData<'/api/mailbox/spot-checks', 'get'>['items'][number];
export type SpotCheckBody = ApiBody<'/api/mailbox/spot-checks', 'post'>;
export type ReviewBody = ApiBody<'/api/mailbox/messages/{id}/review', 'post'>;
export type TriageBody = ApiBody<'/api/mailbox/messages/{id}/triage', 'post'>;

const path = (id: string) => ({ params: { path: { id } } });

export const listMessages = (query: MessageQuery) => call(client.GET('/api/mailbox/messages', { params: { query } }));
export const getMessage = (id: string) => call(client.GET('/api/mailbox/messages/{id}', path(id)));
export const reviewMessage = (id: string, body: ReviewBody) => call(client.POST('/api/mailbox/messages/{id}/review', { ...path(id), body }));
export const triageMessage = (id: string, body: TriageBody) => call(client.POST('/api/mailbox/messages/{id}/triage', { ...path(id), body }));
export const replyMessage = (id: string, html: string, confirmPii?: boolean) => call(client.POST('/api/mailbox/messages/{id}/reply', { ...path(id), body: { html, confirmPii } }));
export const replyWithEntry = (id: string, entryId: string) => call(client.POST('/api/mailbox/messages/{id}/reply-entry', { ...path(id), body: { entryId } }));
export const matchMessage = (id: string) => call(client.GET('/api/mailbox/messages/{id}/library', path(id)));
export const matchQuestion = (question: string) => call(client.POST('/api/mailbox/library-match', { body: { question } }));
export const previewPublication = (id: string, summary?: string) => call(client.POST('/api/mailbox/messages/{id}/publish-preview', { ...path(id), body: { summary } }));
export const publishMessage = (id: string, publish: boolean, summary?: string) => call(client.POST('/api/mailbox/messages/{id}/publish', { ...path(id), body: { publish, summary } }));

// The unit's steps go through the platform's dispatch-and-reply ledger (src/platform/ledger).
export const signItem = (id: string) => call(client.POST('/api/ledger/items/{id}/sign', path(id)));
export const returnItem = (id: string, reason: string) => call(client.POST('/api/ledger/items/{id}/return', { ...path(id), body: { reason } }));
export const requestExtension = (id: string, days: number, reason: string) => call(client.POST('/api/ledger/items/{id}/extension', { ...path(id), body: { days, reason } }));
export const decideExtension = (id: string, approve: boolean, note?: string) => call(client.POST('/api/ledger/items/{id}/extension/decision', { ...path(id), body: { approve, note } }));

export const getStats = (month: string) => call(client.GET('/api/mailbox/stats', { params: { query: { month } } }));
export const statsDocxUrl = (month: string) => `/api/mailbox/export/stats.docx?month=${month}`;
export const MESSAGES_XLSX = '/api/mailbox/export/messages.xlsx';
export const CALLS_XLSX = '/api/mailbox/export/calls.xlsx';

export const listCalls = (query: CallQuery) => call(client.GET('/api/mailbox/calls', { params: { query } }));
export const logCall = (body: CallBody) => call(client.POST('/api/mailbox/calls', { body }));
export const completeCallback = (id: string, note: string) => call(client.POST('/api/mailbox/calls/{id}/callback', { ...path(id), body: { note } }));
export const listPhones = () => call(client.GET('/api/mailbox/phones'));
export const savePhone = (body: ApiBody<'/api/mailbox/phones', 'post'>) => call(client.POST('/api/mailbox/phones', { body }));
export const spotSummary = (from?: string, to?: string) => call(client.GET('/api/mailbox/spot-checks', { params: { query: { from, to } } }));
export const recordSpotCheck = (body: SpotCheckBody) => call(client.POST('/api/mailbox/spot-checks', { body }));

import { call, client, type ApiBody, type ApiData, type ApiQuery, type Schema } from '../../lib/api.ts';

/** The opinion (舆情回应 / 承诺台账 / 新闻发布) API for the admin pages; types are the server's schemas. */

export type EventListItem = Schema<'OpinionEventListItem'>;
export type EventDetail = Schema<'OpinionEventDetail'>;
export type Clock = Schema<'OpinionClock'>;
export type CommitmentItem = Schema<'OpinionCommitmentItem'>;
export type PressEventItem = Schema<'PressEventItem'>;
export type Stats = Schema<'OpinionStats'>;
export type Domain = Schema<'OpinionDomain'>;
export type PressProgress = Schema<'MeasurePressProgress'>;
export type EventQuery = ApiQuery<'/api/opinion/events', 'get'>;
export type EventInput = ApiBody<'/api/opinion/events', 'post'>;
export type StepInput = ApiBody<'/api/opinion/events/{id}/steps', 'post'>;
export type CommitmentInput = ApiBody<'/api/opinion/commitments', 'post'>;
export type FulfilInput = ApiBody<'/api/opinion/commitments/{id}/fulfil', 'post'>;
export type PressInput = ApiBody<'/api/opinion/press-events', 'post'>;
export type SupervisionInput = ApiBody<'/api/opinion/supervisions', 'post'>;
export type Settings = ApiData<'/api/opinion/settings', 'get'>;

export const listEvents = (query: EventQuery) => call(client.GET('/api/opinion/events', { params: { query } }));
export const getEvent = (id: string) => call(client.GET('/api/opinion/events/{id}', { params: { path: { id } } }));
export const registerEvent = (body: EventInput) => call(client.POST('/api/opinion/events', { body }));
export const addStep = (id: string, body: StepInput) => call(client.POST('/api/opinion/events/{id}/steps', { params: { path: { id } }, body }));
export const listDomains = () => call(client.GET('/api/opinion/domains'));
export const saveDomain = (id: string | null, body: ApiBody<'/api/opinion/domains', 'post'>) =>
  id ? call(client.PUT('/api/opinion/domains/{id}', { params: { path: { id } }, body })) : call(client.POST('/api/opinion/domains', { body }));
export const deleteDomain = (id: string) => call(client.DELETE('/api/opinion/domains/{id}', { params: { path: { id } } }));
export const getSettings = () => call(client.GET('/api/opinion/settings'));
export const saveSettings = (body: ApiBody<'/api/opinion/settings', 'put'>) => call(client.PUT('/api/opinion/settings', { body }));
export const listCommitments = (query: ApiQuery<'/api/opinion/commitments', 'get'>) => call(client.GET('/api/opinion/commitments', { params: { query } }));
export const createCommitment = (body: CommitmentInput) => call(client.POST('/api/opinion/commitments', { body }));
export const fulfilCommitment = (id: string, body: FulfilInput) => call(client.POST('/api/opinion/commitments/{id}/fulfil', { params: { path: { id } }, body }));
export const recordSupervision = (body: SupervisionInput) => call(client.POST('/api/opinion/supervisions', { body }));
export const listSupervisions = (year: number) => call(client.GET('/api/opinion/supervisions', { params: { query: { year } } }));
export const listPressEvents = (year?: number) => call(client.GET('/api/opinion/press-events', { params: { query: { year } } }));
export const createPressEvent = (body: PressInput) => call(client.POST('/api/opinion/press-events', { body }));
export const getStats = (year: number) => call(client.GET('/api/opinion/stats', { params: { query: { year } } }));
export const getPressProgress = (measureId: string) => call(client.GET('/api/opinion/measures/{id}/press-progress', { params: { path: { id: measureId } } }));

const qs = (o: Record<string, string | number | undefined | null>) =>
  Object.entries(o)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');

export const urls = {
  eventLedger: (q: EventQuery) => `/api/opinion/events/export?${qs(q as Record<string, string>)}`,
  commitmentLedger: (state?: string) => `/api/opinion/commitments/export?${qs({ state })}`,
  summary: (year: number, quarter: number) => `/api/opinion/summary?${qs({ year, quarter })}`,
};

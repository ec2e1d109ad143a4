import { call, client, type ApiData } from '../../lib/api.ts';

export type AuditRow = ApiData<'/api/audit', 'get'>['items'][number];
export type AuditVerdict = ApiData<'/api/audit/verify', 'get'>;
export type AuditQuery = { q?: string; entity?: string; action?: string; from?: string; to?: string; page: number; pageSize: number };

export const listAudit = (query: AuditQuery) => call(client.GET('/api/audit', { params: { query } }));
export const verifyAudit = () => call(client.GET('/api/audit/verify'));

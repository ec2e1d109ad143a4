import { useLoad } from '../../lib/use-load.ts';
import { call, client, type ApiData } from '../../lib/api.ts';

export type AuditRow = ApiData<'/api/audit', 'get'>['items'][number];
export type AuditVerdict = ApiData<'/api/audit/verify', 'get'>;
export type AuditQuery = { q?: string; entity?: string; action?: string; from?: string; to?: string; page: number; pageSize: number };

export const listAudit = (query: AuditQuery) => call(client.GET('/api/audit', { params: { query } }));
export const verifyAudit = () => call(client.GET('/api/audit/verify'));

export type AuditLabels = ApiData<'/api/audit/labels', 'get'>;
const NO_LABELS: AuditLabels = { actions: {}, entities: {} };
/** The server's one table of action and object-type names (src/platform/audit/audit-labels.ts). */
export function useAuditLabels(): AuditLabels {
  return useLoad(() => call(client.GET('/api/audit/labels')), []).data ?? NO_LABELS;
}

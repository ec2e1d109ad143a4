import { api } from '../../lib/api.ts';

export interface AuditRow {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  prevHash: string;
  hash: string;
}

export interface AuditQuery {
  q?: string;
  entity?: string;
  action?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export type AuditVerdict = { ok: true; rows: number; anchors: number } | { ok: false; rows: number; brokenId: number; reason: string };

export const listAudit = (q: AuditQuery) => api.get<{ total: number; items: AuditRow[] }>('/api/audit', { ...q });
export const verifyAudit = () => api.get<AuditVerdict>('/api/audit/verify');

import { api, ApiError } from '../../lib/api.ts';

/**
 * The plans (任务分工督办) API as the admin app uses it. Shapes follow src/modules/plans/*: the
 * import preview (parser output), the plan tree, the dashboard, a measure with its timeline, a
 * unit's to-do, the issue preview and the circulars.
 */

export type PlanStatus = 'draft' | 'issued' | 'closed';
export type PlanKind = 'notice' | 'rectification';
export type AssignmentStatus = 'not_started' | 'in_progress' | 'done' | 'cannot_complete';
export type CheckStatus = 'pending' | 'accepted' | 'returned';
export type MeasureStatus = 'open' | 'closed';

export interface Plan {
  id: string;
  kind: PlanKind;
  title: string;
  year: number;
  issuer: string | null;
  issueDate: string | null;
  docNumber: string | null;
  status: PlanStatus;
  sourceName: string | null;
  fromPlanId: string | null;
  version: number;
  issuedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PlanListItem extends Plan {
  measures: number;
  closed: number;
}

// ---- import (parser output) ----

export interface Deadline {
  date: string | null;
  text: string;
  kind: string;
  source: 'text' | 'column';
}

export interface NumericTarget {
  text: string;
  min?: number;
  max?: number;
  unit: string;
  context: string;
}

export interface ColumnInstruction {
  parentPath: string[];
  names: string[];
  text: string;
}

export interface ParsedUnitRef {
  written: string;
  unitId: string | null;
  name: string | null;
  /** Set for a name that is a unit group; with unitId null it is a per-use group (区政府有关部门). */
  group?: string;
  role?: 'responsible' | 'cooperate';
}

export interface ParsedMeasure {
  seq: number;
  globalSeq: number;
  label: string | null;
  row: number;
  text: string;
  items: string[];
  lead: ParsedUnitRef[];
  leadSource: string;
  responsible: ParsedUnitRef[];
  deadlines: Deadline[];
  disclosurePaths: string[][];
  otherChannels: string[];
  columnInstructions: ColumnInstruction[];
  targets: NumericTarget[];
}

export interface ParsedPlan {
  title: string | null;
  year: number | null;
  issuer: string | null;
  issueDate: string | null;
  docNumber: string | null;
  areas: { seq: number; label: string | null; title: string; subtasks: { seq: number; label: string | null; title: string; measures: ParsedMeasure[] }[] }[];
  warnings: { code: string; message: string; row?: number }[];
}

export interface DraftChange {
  kind: 'added' | 'changed' | 'removed';
  seq: number;
  before?: string;
  after?: string;
}

export interface ImportResult {
  parsed: ParsedPlan;
  counts: { areas: number; subtasks: number; measures: number };
  planId?: string;
  outcome: 'preview' | 'created' | 'updated' | 'unchanged';
  changes: DraftChange[];
}

export type ImportSource = { kind: 'file'; file: File; year?: number } | { kind: 'text'; text: string; year?: number };

export function importPlan(source: ImportSource, dryRun: boolean): Promise<ImportResult> {
  if (source.kind === 'text') return api.post<ImportResult>('/api/plans/import-text', { text: source.text, year: source.year, dryRun });
  const form = new FormData();
  form.append('dryRun', dryRun ? 'true' : 'false');
  if (source.year) form.append('year', String(source.year));
  form.append('file', source.file, source.file.name);
  return api.upload<ImportResult>('/api/plans/import', form);
}

// ---- the plan tree ----

export interface UnitRef {
  unitId: string;
  name: string;
}

export interface ResponsibleEntry {
  written: string;
  kind: 'unit' | 'group' | 'unknown';
  unitIds: string[];
  groupName?: string;
  perUse?: boolean;
  role?: 'responsible' | 'cooperate';
  units: UnitRef[];
}

export interface Measure {
  id: string;
  planId: string;
  subtaskId: string;
  seq: number;
  text: string;
  items: string[];
  leadWritten: string[];
  deadlines: Deadline[];
  disclosurePaths: string[][];
  otherChannels: string[];
  columnInstructions: ColumnInstruction[];
  targets: NumericTarget[];
  dueDate: string;
  status: MeasureStatus;
  closedAt: string | null;
  fromMeasureId: string | null;
  version: number;
}

export interface MeasureNode extends Measure {
  leads: UnitRef[];
  responsible: ResponsibleEntry[];
  assignments: number;
  accepted: number;
  progress: number;
}

export interface SubtaskNode {
  id: string;
  seq: number;
  label: string | null;
  title: string;
  progress: number;
  measures: MeasureNode[];
}

export interface AreaNode {
  id: string;
  seq: number;
  label: string | null;
  title: string;
  progress: number;
  subtasks: SubtaskNode[];
}

export interface PlanTree {
  plan: Plan & { progress: number };
  areas: AreaNode[];
}

// ---- dashboard ----

export interface AssignmentRow {
  id: string;
  measureId: string;
  seq: number;
  measureText: string;
  unitId: string;
  unitName: string;
  status: AssignmentStatus;
  checkStatus: CheckStatus;
  dueDate: string;
  returnedCount: number;
  lastReportAt: string | null;
}

export interface UnitProgress {
  unitId: string;
  name: string;
  total: number;
  accepted: number;
  reported: number;
  returned: number;
  overdue: number;
  notStarted: number;
  progress: number;
}

export interface Dashboard {
  plan: { id: string; title: string; year: number; status: PlanStatus };
  asOf: string;
  totals: { assignments: number; accepted: number; overdue: number; returned: number; measures: number; closed: number; progress: number };
  byArea: { areaId: string; seq: number; title: string; measures: number; closed: number; progress: number }[];
  byMeasure: { measureId: string; seq: number; status: MeasureStatus; dueDate: string; total: number; accepted: number; progress: number }[];
  byUnit: UnitProgress[];
  overdue: AssignmentRow[];
  returned: AssignmentRow[];
}

// ---- a measure and its timeline ----

export type Evidence = { kind: 'link'; url: string; title: string } | { kind: 'file'; fileId: string; name: string };

export interface ReportEntry {
  type: 'report';
  id: string;
  at: string;
  by: string;
  status: AssignmentStatus;
  summary: string;
  completedOn: string | null;
  reason: string | null;
  evidence: Evidence[];
}

export interface CheckEntry {
  type: 'check';
  id: string;
  at: string;
  by: string;
  decision: 'accept' | 'return';
  comment: string | null;
  newDueDate: string | null;
}

export interface Assignment {
  id: string;
  planId: string;
  measureId: string;
  unitId: string;
  unitName: string;
  status: AssignmentStatus;
  checkStatus: CheckStatus;
  dueDate: string;
  completedOn: string | null;
  lastReportAt: string | null;
  returnedCount: number;
  acceptedAt: string | null;
  timeline: (ReportEntry | CheckEntry)[];
}

export interface PlanEvent {
  id: string;
  unitId: string | null;
  kind: 'close' | 'reopen' | 'urge' | 'commend' | 'criticize';
  message: string | null;
  createdAt: string;
  withdrawn: boolean;
}

export interface MeasureDetail {
  measure: Measure & { responsible: Omit<ResponsibleEntry, 'units'>[] };
  leads: UnitRef[];
  summaries: { id: string; unitId: string; unitName: string; text: string; createdAt: string }[];
  events: PlanEvent[];
  assignments: Assignment[];
}

/** 公开情况: what a measure's columns published in the plan year (src/modules/catalog/measure-disclosure-proof.ts). */
export interface DisclosureProof {
  measureId: string;
  year: number;
  period: { from: string; to: string };
  columns: {
    id: string;
    name: string;
    slug: string;
    siteUnitId: string;
    siteName: string;
    regionSite: boolean;
    /** Names from the site's root down to this column. */
    path: string[];
    url: string;
    published: number;
    latest: string | null;
    documents: { id: string; title: string; publishedAt: string; url: string }[];
  }[];
  /** Each written path (and column-creation instruction) with the columns it leads to under the current mappings. */
  paths: { raw: string[]; mapped: string[]; instruction: boolean; columnIds: string[] }[];
}

// ---- a unit's to-do ----

export interface UnitTodo {
  mine: AssignmentRow[];
  toCheck: AssignmentRow[];
  ledMeasures: { id: string; seq: number; planId: string; status: MeasureStatus }[];
}

// ---- issue ----

export interface IssuePreview {
  planId: string;
  status: PlanStatus;
  unknown: { measureId: string; seq: number; written: string }[];
  selections: { measureId: string; seq: number; text: string; groups: string[]; suggested: string[] }[];
}

// ---- circulars ----

export interface CircularSection {
  heading: string;
  body: string;
}

export interface Circular {
  id: string;
  planId: string;
  title: string;
  sections: CircularSection[];
  status: 'draft' | 'issued';
  asOf: string;
  createdAt: string;
  issuedAt: string | null;
}

export interface ReportInput {
  status: AssignmentStatus;
  summary: string;
  completedOn?: string | null;
  reason?: string | null;
  evidence: Evidence[];
}

export interface CheckInput {
  decision: 'accept' | 'return';
  comment?: string | null;
  newDueDate?: string | null;
}

export interface UploadedFile {
  id: string;
  name: string;
  mime: string;
  size: number;
}

export const listPlans = async () => (await api.get<{ items: PlanListItem[] }>('/api/plans')).items;
export const getPlanTree = (id: string) => api.get<PlanTree>(`/api/plans/${id}`);
export const getDashboard = (id: string) => api.get<Dashboard>(`/api/plans/${id}/dashboard`);
export const getIssuePreview = (id: string) => api.get<IssuePreview>(`/api/plans/${id}/issue-preview`);
export const issuePlan = (id: string, selections: Record<string, string[]>) =>
  api.post<{ plan: Plan; assignments: number; units: number }>(`/api/plans/${id}/issue`, { selections });
export const carryOver = (id: string, dueDate: string) => api.post<{ plan: Plan; measures: number; assignments: number }>(`/api/plans/${id}/carry-over`, { dueDate });
export const urgeUnit = (id: string, input: { unitId: string; measureId?: string | null; message: string }) => api.post(`/api/plans/${id}/urge`, input);
export const markUnit = (id: string, input: { unitId: string; kind: 'commend' | 'criticize'; reason: string }) => api.post(`/api/plans/${id}/marks`, input);
export interface CircularMark {
  id: string;
  unitId: string;
  unitName: string;
  kind: 'commend' | 'criticize';
  reason: string;
  withdrawn: boolean;
  createdAt: string;
  createdByName: string | null;
}
export const listMarks = (id: string) => api.get<{ items: CircularMark[] }>(`/api/plans/${id}/marks`).then((r) => r.items);
export const withdrawMark = (id: string, markId: string, reason: string) => api.post<{ ok: true }>(`/api/plans/${id}/marks/${markId}/withdraw`, { reason });

export const getTodo = (unitId?: string) => api.get<UnitTodo>('/api/plans/todo', { unitId });
export const getMeasure = (id: string) => api.get<MeasureDetail>(`/api/measures/${id}`);
export const getDisclosureProof = (measureId: string) => api.get<DisclosureProof>(`/api/measures/${measureId}/disclosure-proof`);
export const closeMeasure = (id: string) => api.post(`/api/measures/${id}/close`);
export const reopenMeasure = (id: string, reason: string) => api.post(`/api/measures/${id}/reopen`, { reason });
export const fileSummary = (id: string, text: string) => api.post(`/api/measures/${id}/summaries`, { text });
export const reportProgress = (assignmentId: string, input: ReportInput) => api.post(`/api/assignments/${assignmentId}/reports`, input);
export const checkAssignment = (assignmentId: string, input: CheckInput) => api.post(`/api/assignments/${assignmentId}/checks`, input);

export const listCirculars = async (planId: string) => (await api.get<{ items: Circular[] }>(`/api/plans/${planId}/circulars`)).items;
export const draftCircular = (planId: string) => api.post<Circular>(`/api/plans/${planId}/circulars`);
export const updateCircular = (id: string, input: { title: string; sections: CircularSection[] }) => api.put<Circular>(`/api/circulars/${id}`, input);
export const issueCircular = (id: string) => api.post<Circular>(`/api/circulars/${id}/issue`);

export function uploadFile(file: File): Promise<UploadedFile> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload<UploadedFile>('/api/files', form);
}

/** Download addresses: plain links, so the browser saves the file with the server's name. */
export const urls = {
  ledger: (planId: string, unitId?: string) => `/api/plans/${planId}/ledger.xlsx${unitId ? `?unitId=${encodeURIComponent(unitId)}` : ''}`,
  unitReport: (planId: string, unitId: string) => `/api/plans/${planId}/units/${unitId}/report.docx`,
  circularDocx: (id: string) => `/api/circulars/${id}/docx`,
  file: (id: string) => `/api/files/${id}`,
};

/** A page's main record, or null when the id names nothing (404) or is not an id at all (400). */
export async function orMissing<T>(load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 400)) return null;
    throw err;
  }
}

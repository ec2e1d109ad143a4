import { ApiError, asForm, call, client, type ApiBody, type ApiData, type ApiQuery, type Schema } from '../../lib/api.ts';

/**
 * The plans (任务分工督办) API as the admin app uses it, on the generated client: the types are the
 * server's own schemas (src/modules/plans/schemas.ts), named here for the pages.
 */

export type Plan = Schema<'Plan'>;
export type PlanStatus = Plan['status'];
export type PlanKind = Plan['kind'];
export type PlanListItem = ApiData<'/api/plans', 'get'>['items'][number];

// ---- import (parser output) ----

export type ImportResult = Schema<'ImportResult'>;
export type ParsedPlan = ImportResult['parsed'];
export type ParsedMeasure = ParsedPlan['areas'][number]['subtasks'][number]['measures'][number];
export type ParsedUnitRef = ParsedMeasure['lead'][number] & { role?: ParsedMeasure['responsible'][number]['role'] };
export type Deadline = ParsedMeasure['deadlines'][number];
export type NumericTarget = ParsedMeasure['targets'][number];
export type ColumnInstruction = ParsedMeasure['columnInstructions'][number];
export type DraftChange = ImportResult['changes'][number];

export type ImportSource = { kind: 'file'; file: File; year?: number } | { kind: 'text'; text: string; year?: number };

export function importPlan(source: ImportSource, dryRun: boolean): Promise<ImportResult> {
  if (source.kind === 'text') return call(client.POST('/api/plans/import-text', { body: { text: source.text, year: source.year, dryRun } }));
  const form = new FormData();
  form.append('dryRun', dryRun ? 'true' : 'false');
  if (source.year) form.append('year', String(source.year));
  form.append('file', source.file, source.file.name);
  return call(client.POST('/api/plans/import', asForm(form)));
}

// ---- the plan tree ----

export type PlanTree = Schema<'PlanTree'>;
export type AreaNode = PlanTree['areas'][number];
export type SubtaskNode = AreaNode['subtasks'][number];
export type MeasureNode = SubtaskNode['measures'][number];
export type ResponsibleEntry = MeasureNode['responsible'][number];
export type UnitRef = MeasureNode['leads'][number];

// ---- dashboard and to-do ----

export type Dashboard = Schema<'PlanDashboard'>;
export type AssignmentRow = Schema<'AssignmentRow'>;
export type AssignmentStatus = AssignmentRow['status'];
export type CheckStatus = AssignmentRow['checkStatus'];
export type UnitProgress = Dashboard['byUnit'][number];
export type UnitTodo = ApiData<'/api/plans/todo', 'get'>;

// ---- a measure and its timeline ----

export type MeasureDetail = Schema<'MeasureDetail'>;
export type Measure = MeasureDetail['measure'];
export type MeasureStatus = Measure['status'];
export type Assignment = MeasureDetail['assignments'][number];
export type ReportEntry = Extract<Assignment['timeline'][number], { type: 'report' }>;
export type CheckEntry = Extract<Assignment['timeline'][number], { type: 'check' }>;
export type Evidence = ReportEntry['evidence'][number];
export type PlanEvent = MeasureDetail['events'][number];
/** 公开情况: what a measure's columns published in the plan year (src/modules/catalog/measure-disclosure-proof.ts). */
export type DisclosureProof = ApiData<'/api/measures/{id}/disclosure-proof', 'get'>;

// ---- issue, marks, circulars ----

export type IssuePreview = ApiData<'/api/plans/{id}/issue-preview', 'get'>;
export type Circular = Schema<'Circular'>;
export type CircularSection = Circular['sections'][number];
export type CircularMark = ApiData<'/api/plans/{id}/marks', 'get'>['items'][number];
export type ReportInput = ApiBody<'/api/assignments/{id}/reports', 'post'>;
export type CheckInput = ApiBody<'/api/assignments/{id}/checks', 'post'>;
export type UploadedFile = ApiData<'/api/files', 'post'>;

const path = (id: string) => ({ params: { path: { id } } });

export const listPlans = async () => (await call(client.GET('/api/plans'))).items;
export const getPlanTree = (id: string) => call(client.GET('/api/plans/{id}', path(id)));
export type AssignmentListQuery = NonNullable<ApiQuery<'/api/plans/{id}/assignments', 'get'>>;
export type AssignmentState = NonNullable<AssignmentListQuery['state']>;
export const listPlanAssignments = (id: string, query: AssignmentListQuery) => call(client.GET('/api/plans/{id}/assignments', { params: { path: { id }, query } }));
export const getDashboard = (id: string) => call(client.GET('/api/plans/{id}/dashboard', path(id)));
export const getIssuePreview = (id: string) => call(client.GET('/api/plans/{id}/issue-preview', path(id)));
export const issuePlan = (id: string, selections: Record<string, string[]>) => call(client.POST('/api/plans/{id}/issue', { ...path(id), body: { selections } }));
export const carryOver = (id: string, dueDate: string) => call(client.POST('/api/plans/{id}/carry-over', { ...path(id), body: { dueDate } }));
export const urgeUnit = (id: string, body: ApiBody<'/api/plans/{id}/urge', 'post'>) => call(client.POST('/api/plans/{id}/urge', { ...path(id), body }));
export const markUnit = (id: string, body: ApiBody<'/api/plans/{id}/marks', 'post'>) => call(client.POST('/api/plans/{id}/marks', { ...path(id), body }));
export const listMarks = async (id: string) => (await call(client.GET('/api/plans/{id}/marks', path(id)))).items;
export const withdrawMark = (id: string, markId: string, reason: string) =>
  call(client.POST('/api/plans/{id}/marks/{markId}/withdraw', { params: { path: { id, markId } }, body: { reason } }));

export const getTodo = (unitId?: string) => call(client.GET('/api/plans/todo', { params: { query: { unitId } } }));
export const getMeasure = (id: string) => call(client.GET('/api/measures/{id}', path(id)));
export const getDisclosureProof = (measureId: string) => call(client.GET('/api/measures/{id}/disclosure-proof', path(measureId)));
export const closeMeasure = (id: string) => call(client.POST('/api/measures/{id}/close', path(id)));
export const reopenMeasure = (id: string, reason: string) => call(client.POST('/api/measures/{id}/reopen', { ...path(id), body: { reason } }));
export const fileSummary = (id: string, text: string) => call(client.POST('/api/measures/{id}/summaries', { ...path(id), body: { text } }));
export const reportProgress = (assignmentId: string, body: ReportInput) => call(client.POST('/api/assignments/{id}/reports', { ...path(assignmentId), body }));
export const checkAssignment = (assignmentId: string, body: CheckInput) => call(client.POST('/api/assignments/{id}/checks', { ...path(assignmentId), body }));

export const listCirculars = async (planId: string) => (await call(client.GET('/api/plans/{id}/circulars', path(planId)))).items;
export const draftCircular = (planId: string) => call(client.POST('/api/plans/{id}/circulars', path(planId)));
export const updateCircular = (id: string, body: ApiBody<'/api/circulars/{id}', 'put'>) => call(client.PUT('/api/circulars/{id}', { ...path(id), body }));
export const issueCircular = (id: string) => call(client.POST('/api/circulars/{id}/issue', path(id)));

export const getUnitReportDraft = (planId: string, unitId: string) =>
  call(client.GET('/api/plans/{id}/units/{unitId}/report-draft', { params: { path: { id: planId, unitId } } }));
/** The unit report as Word, with the unit's own 存在的问题及下一步打算: posted, so it is a Blob to save. */
export async function downloadUnitReport(planId: string, unitId: string, issues: string): Promise<{ blob: Blob; filename: string }> {
  const answer = await client.POST('/api/plans/{id}/units/{unitId}/report.docx', { params: { path: { id: planId, unitId } }, body: { issues }, parseAs: 'blob' });
  const blob = await call(Promise.resolve(answer));
  const cd = answer.response.headers.get('content-disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)/.exec(cd);
  return { blob: blob as unknown as Blob, filename: m ? decodeURIComponent(m[1]) : '完成情况报告.docx' };
}

export function uploadFile(file: File): Promise<UploadedFile> {
  const form = new FormData();
  form.append('file', file, file.name);
  return call(client.POST('/api/files', asForm(form)));
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

import { asForm, call, client, type ApiBody, type ApiData } from '../../lib/api.ts';

export type AnnualReport = ApiData<'/api/reports/annual/{agencyUnitId}/{year}', 'get'>;
export type DistrictReports = ApiData<'/api/reports/annual', 'get'>;
export type ReportDraft = ApiBody<'/api/reports/annual/{agencyUnitId}/{year}', 'put'>;

const key = (agencyUnitId: string, year: number) => ({ params: { path: { agencyUnitId, year } } });

export const getDistrict = (year: number) => call(client.GET('/api/reports/annual', { params: { query: { year } } }));
export const getReport = (agencyUnitId: string, year: number) => call(client.GET('/api/reports/annual/{agencyUnitId}/{year}', key(agencyUnitId, year)));
export const saveReport = (agencyUnitId: string, year: number, body: ReportDraft) => call(client.PUT('/api/reports/annual/{agencyUnitId}/{year}', { ...key(agencyUnitId, year), body }));
export const reviewReport = (agencyUnitId: string, year: number) => call(client.POST('/api/reports/annual/{agencyUnitId}/{year}/review', key(agencyUnitId, year)));
export const publishReport = (agencyUnitId: string, year: number) => call(client.POST('/api/reports/annual/{agencyUnitId}/{year}/publish', key(agencyUnitId, year)));
export const correctReport = (agencyUnitId: string, year: number, note: string) => call(client.POST('/api/reports/annual/{agencyUnitId}/{year}/correct', { ...key(agencyUnitId, year), body: { note } }));
export const docxUrl = (agencyUnitId: string, year: number) => `/api/reports/annual/${agencyUnitId}/${year}/report.docx`;

export function importLedger(kind: 'cases' | 'reviews', file: File) {
  const form = new FormData();
  form.append('file', file);
  return kind === 'cases' ? call(client.POST('/api/reports/import/cases', asForm(form))) : call(client.POST('/api/reports/import/reviews', asForm(form)));
}

import { call, client, type ApiBody, type ApiData } from '../../lib/api.ts';

export type CalendarYearMeta = ApiData<'/api/calendar/years', 'get'>['items'][number];
export type CalendarYear = ApiData<'/api/calendar/years/{year}', 'get'>;
export type CalendarDay = ApiBody<'/api/calendar/years/{year}', 'put'>['days'][number];
export type DayKind = CalendarDay['kind'];

export const listYears = async () => (await call(client.GET('/api/calendar/years'))).items;
export const getYear = (year: number) => call(client.GET('/api/calendar/years/{year}', { params: { path: { year } } }));
export const saveYear = (year: number, body: ApiBody<'/api/calendar/years/{year}', 'put'>) => call(client.PUT('/api/calendar/years/{year}', { params: { path: { year } }, body }));
export const dueDate = (start: string, days: number) => call(client.GET('/api/calendar/due', { params: { query: { start, days } } }));

import { call, client } from '../../lib/api.ts';

/** Whether a date is a working day, as the calendar says. */
export const describeDay = (date: string) => call(client.GET('/api/calendar/day', { params: { query: { date } } }));
export const countUsers = async () => (await call(client.GET('/api/users', { params: { query: { page: 1, pageSize: 1 } } }))).total;
export const countGroups = async () => (await call(client.GET('/api/unit-groups'))).items.length;
export const countCalendarYears = async () => (await call(client.GET('/api/calendar/years'))).items.length;

/** The caller's workbench: counts of their work by module and the week's deadlines (src/platform/workbench). */
export const getWorkbench = () => call(client.GET('/api/workbench'));
export type Workbench = Awaited<ReturnType<typeof getWorkbench>>;
export type WorkbenchSource = Workbench['sources'][number];
export type WorkbenchDeadline = Workbench['deadlines'][number];

import { api } from '../../lib/api.ts';

/** Whether a date is a working day, as the calendar says. */
export const describeDay = (date: string) => api.get<{ date: string; working: boolean; name: string | null }>('/api/calendar/day', { date });
export const countUsers = async () => (await api.get<{ total: number }>('/api/users', { page: 1, pageSize: 1 })).total;
export const countGroups = async () => (await api.get<{ items: unknown[] }>('/api/unit-groups')).items.length;
export const countCalendarYears = async () => (await api.get<{ items: unknown[] }>('/api/calendar/years')).items.length;

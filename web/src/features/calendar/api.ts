import { api } from '../../lib/api.ts';

export interface CalendarYearMeta {
  year: number;
  /** seed | admin */
  source: string;
  note: string | null;
  updatedAt: string;
}

export type DayKind = 'off' | 'work';

export interface CalendarDay {
  date: string;
  kind: DayKind;
  name: string;
}

export interface CalendarYear {
  year: number;
  published: boolean;
  source: string | null;
  note: string | null;
  days: CalendarDay[];
}

export const listYears = async () => (await api.get<{ items: CalendarYearMeta[] }>('/api/calendar/years')).items;
export const getYear = (year: number) => api.get<CalendarYear>(`/api/calendar/years/${year}`);
export const saveYear = (year: number, body: { note: string | null; days: CalendarDay[] }) =>
  api.put<{ year: number; days: number; recomputed: unknown }>(`/api/calendar/years/${year}`, body);
export const dueDate = (start: string, days: number) => api.get<{ start: string; days: number; due: string }>('/api/calendar/due', { start, days });

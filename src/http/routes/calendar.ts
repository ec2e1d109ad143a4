import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getCalendarYear, listCalendarYears } from '../../platform/calendar/list-calendar.ts';
import { loadCalendar } from '../../platform/calendar/load-calendar.ts';
import { calendarYearInput, setCalendarYear } from '../../platform/calendar/set-calendar-year.ts';
import type { AppDeps } from '../app-deps.ts';
import { contextOf } from '../auth-hooks.ts';
import { answers } from '../responses.ts';
import { textEnum, timestamp } from '../../platform/output-schemas.ts';

const calendarYear = z.object({
  year: z.number().int(),
  published: z.boolean(),
  source: z.string().nullable(),
  note: z.string().nullable(),
  days: z.array(z.object({ date: z.string(), year: z.number().int(), kind: textEnum(['off', 'work']), name: z.string() })),
});

const yearParam = z.object({ year: z.coerce.number().int().min(2000, '年份不正确').max(2100, '年份不正确') });

export const calendarRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const { db } = deps.database;
  const tags = ['calendar'];
  app.get('/api/calendar/years', { config: { access: 'calendar.read' }, schema: { tags, summary: '已录入节假日安排的年份', response: answers({ 200: z.object({ items: z.array(z.object({ year: z.number().int(), source: z.string(), note: z.string().nullable(), updatedAt: timestamp })) }) }) } }, async (req) => ({
    items: await listCalendarYears(contextOf(req, db)),
  }));
  app.get('/api/calendar/years/:year', { config: { access: 'calendar.read' }, schema: { tags, summary: '某年的放假与调休上班日', response: answers({ 200: calendarYear }), params: yearParam } }, async (req) =>
    getCalendarYear(contextOf(req, db), req.params.year),
  );
  app.put(
    '/api/calendar/years/:year',
    { config: { access: 'calendar.manage' }, schema: { tags, summary: '录入或修改某年的节假日安排', response: answers({ 200: z.object({ year: z.number().int(), days: z.number().int(), recomputed: z.record(z.string(), z.number()).describe('随之重新计算期限的事项数（按模块）') }) }), params: yearParam, body: calendarYearInput.omit({ year: true }) } },
    async (req) => setCalendarYear(contextOf(req, db), { ...req.body, year: req.params.year }),
  );
  app.get(
    '/api/calendar/due',
    {
      config: { access: 'calendar.read' },
      schema: { tags, summary: '从某日起第 N 个工作日（起始日不计）', response: answers({ 200: z.object({ start: z.string(), days: z.number().int(), due: z.string() }) }), querystring: z.object({ start: z.string(), days: z.coerce.number().int().min(0).max(3650) }) },
    },
    async (req) => ({ start: req.query.start, days: req.query.days, due: (await loadCalendar(db)).addWorkingDays(req.query.start, req.query.days) }),
  );
  app.get(
    '/api/calendar/day',
    { config: { access: 'calendar.read' }, schema: { tags, summary: '某日是否工作日', response: answers({ 200: z.object({ date: z.string(), working: z.boolean(), name: z.string().nullable() }) }), querystring: z.object({ date: z.string() }) } },
    async (req) => (await loadCalendar(db)).describe(req.query.date),
  );
};

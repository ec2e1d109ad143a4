import { z } from 'zod';
import type { OpContext } from '../../platform/context.ts';
import { assertCan } from '../../platform/policy.ts';
import { opinionReach } from './event-scope.ts';
import { eventRows } from './event-rows.ts';
import { CATEGORIES, EVENT_STATUSES, LEVELS } from './kinds.ts';
import { loadOpinionSettings } from './settings.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const eventQuery = z.object({
  status: z.enum(EVENT_STATUSES, { message: '状态不正确' }).optional(),
  level: z.enum(LEVELS, { message: '级别不正确' }).optional(),
  category: z.enum(CATEGORIES, { message: '类别不正确' }).optional(),
  domainId: z.uuid('领域编号格式不正确').optional(),
  unitId: z.uuid('单位编号格式不正确').optional(),
  from: day.optional(),
  to: day.optional(),
  q: z.string().trim().max(100, '关键词不能超过 100 字').optional(),
  /** Only events with a clock past its limit and not met (the overdue list). */
  overdue: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** The event ledger: the caller's reach, filters, newest first, with clocks; `overdue=true` is the overdue list. */
export async function listEvents(ctx: OpContext, raw: z.input<typeof eventQuery>) {
  assertCan(ctx.actor, 'opinion.read');
  const q = eventQuery.parse(raw);
  const reach = await opinionReach(ctx.db, ctx.actor);
  const settings = await loadOpinionSettings(ctx.db);
  let rows = await eventRows(ctx.db, { ...q, reach }, settings);
  if (q.overdue === 'true') rows = rows.filter((r) => r.overdue);
  const start = (q.page - 1) * q.pageSize;
  return { total: rows.length, items: rows.slice(start, start + q.pageSize), seesAll: reach === 'all' };
}

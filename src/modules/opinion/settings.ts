import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { opinionSettings, units } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { invalid } from '../../platform/errors.ts';
import { assertCan } from '../../platform/policy.ts';
import { DEFAULT_CLOCKS, type ClockSettings } from './clocks.ts';

export type OpinionSettings = ClockSettings & { coordinatorUnitId: string | null };

/** The settings row, or the §9 defaults (no coordinator) before one is saved. */
export async function loadOpinionSettings(db: Db): Promise<OpinionSettings> {
  const [row] = await db.select().from(opinionSettings).where(eq(opinionSettings.id, 'default'));
  if (!row) return { ...DEFAULT_CLOCKS, coordinatorUnitId: null };
  const { id: _id, updatedAt: _u, ...rest } = row;
  return rest;
}

const hours = (label: string, max: number) => z.number({ message: `${label}应为小时数` }).int(`${label}应为整数小时`).min(1, `${label}至少 1 小时`).max(max, `${label}不能超过 ${max} 小时`);

export const settingsInput = z.object({
  coordinatorUnitId: z.uuid('单位编号格式不正确').nullable(),
  authoritativeHours: hours('发布权威信息时限', 72),
  pressConferenceHours: hours('新闻发布会时限', 168),
  responseHours: hours('回应时限', 168),
  remindBeforeHours: hours('提前提醒', 48),
});

/** The office sets the coordinating unit and the clocks; open events are judged by the new values at once. */
export async function updateOpinionSettings(ctx: OpContext, raw: z.input<typeof settingsInput>) {
  assertCan(ctx.actor, 'opinion.manage');
  const input = settingsInput.parse(raw);
  return inTransaction(ctx, async (tx) => {
    if (input.coordinatorUnitId) {
      const [u] = await tx.db.select({ id: units.id }).from(units).where(eq(units.id, input.coordinatorUnitId));
      if (!u) throw invalid('unknown_unit', '单位不存在');
    }
    const before = await loadOpinionSettings(tx.db);
    await tx.db
      .insert(opinionSettings)
      .values({ id: 'default', ...input })
      .onConflictDoUpdate({ target: opinionSettings.id, set: { ...input, updatedAt: new Date() } });
    await writeAudit(tx, { action: 'opinion.settings', entity: 'opinion_settings', entityId: null, before, after: input });
    return loadOpinionSettings(tx.db);
  });
}

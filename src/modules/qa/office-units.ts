import { arrayOverlaps } from 'drizzle-orm';
import { users } from '../../db/schema/index.ts';
import type { OpContext } from '../../platform/context.ts';

/** The units whose users hold the office role (the district office). */
export async function officeUnitIds(tx: OpContext): Promise<string[]> {
  const rows = await tx.db.selectDistinct({ unitId: users.unitId }).from(users).where(arrayOverlaps(users.roles, ['office_admin']));
  return rows.map((r) => r.unitId);
}

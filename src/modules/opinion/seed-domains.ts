import { eq } from 'drizzle-orm';
import { opinionDomains, opinionSettings } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import type { OpContext } from '../../platform/context.ts';
import { loadUnitResolver } from '../../platform/units/unit-resolver.ts';
import { NOTICE_DOMAINS } from './domains.ts';

/**
 * The notice's domain table and the coordinating 区网信办, names resolved through the platform
 * resolver (short names, aliases). Names that do not resolve are reported, not dropped silently.
 * Runs inside the caller's transaction; does nothing when domains exist.
 */
export async function seedOpinionDomains(tx: OpContext): Promise<{ unknown: string[] }> {
  const [any] = await tx.db.select({ id: opinionDomains.id }).from(opinionDomains).limit(1);
  if (any) return { unknown: [] };
  const resolver = await loadUnitResolver(tx.db);
  const unknown: string[] = [];
  const unitOf = (written: string) => {
    const r = resolver.resolveOne(written);
    if (r.kind === 'unit') return r.unit.unitId;
    unknown.push(written);
    return null;
  };
  for (const [i, d] of NOTICE_DOMAINS.entries()) {
    const unitIds = d.units.map(unitOf).filter((x): x is string => !!x);
    await tx.db.insert(opinionDomains).values({ name: d.name, unitIds, sort: (i + 1) * 10 });
  }
  const coordinatorUnitId = unitOf('区网信办');
  const [has] = await tx.db.select({ id: opinionSettings.id }).from(opinionSettings).where(eq(opinionSettings.id, 'default'));
  if (!has) await tx.db.insert(opinionSettings).values({ id: 'default', coordinatorUnitId });
  await writeAudit(tx, { action: 'seed.opinion_domains', entity: 'system', after: { domains: NOTICE_DOMAINS.length, unknown } });
  return { unknown };
}

import type { ImportWarning, UnitRef, UnitResolver } from './types.ts';

/**
 * Asks the caller's resolver about each written name once. Unknown names stay in the plan with
 * `unitId: null` (the office decides later whether to create the unit) and are reported once.
 * A resolver answering `[]` knows the name as a group without fixed members (区政府有关部门 is
 * chosen per measure): kept, marked as that group, not reported.
 */
export class UnitLookup {
  private readonly cache = new Map<string, UnitRef[]>();

  constructor(
    private readonly resolver: UnitResolver,
    private readonly warnings: ImportWarning[],
  ) {}

  refs(written: string, row: number): UnitRef[] {
    const known = this.cache.get(written);
    if (known) return known.map((r) => ({ ...r }));
    const found = this.resolver.resolve(written);
    let refs: UnitRef[];
    if (found === null) {
      refs = [{ written, unitId: null, name: null }];
      this.warnings.push({
        code: 'unit_unknown',
        message: `单位“${written}”未在单位库中找到，请新建该单位或为已有单位添加别名`,
        row,
      });
    } else if (found.length === 0) {
      refs = [{ written, unitId: null, name: null, group: written }];
    } else {
      refs = found.map((u) => ({ written, unitId: u.unitId, name: u.name, ...(u.group ? { group: u.group } : {}) }));
    }
    this.cache.set(written, refs);
    return refs.map((r) => ({ ...r }));
  }
}

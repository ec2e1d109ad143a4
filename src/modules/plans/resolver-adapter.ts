import type { UnitResolver as PlatformResolver } from '../../platform/units/unit-resolver.ts';
import type { UnitResolver as ImportResolver } from './import/index.ts';

/**
 * The importer asks one written name at a time; the platform's resolver answers. A group expands
 * to its members; a group chosen per use (区政府有关部门) answers `[]`; an unknown name answers null.
 */
export function importResolver(platform: PlatformResolver): ImportResolver {
  return {
    resolve(written) {
      const r = platform.resolveOne(written);
      if (r.kind === 'unknown') return null;
      if (r.kind === 'unit') return [{ unitId: r.unit.unitId, name: r.unit.name }];
      if (r.group.membership === 'per_use') return [];
      return r.units.map((u) => ({ unitId: u.unitId, name: u.name, group: r.group.name }));
    },
  };
}

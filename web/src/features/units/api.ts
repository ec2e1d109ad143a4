import { useEffect, useState } from 'react';
import { call, client, type ApiBody, type ApiData, type Schema } from '../../lib/api.ts';
import { useLoad, type Loaded } from '../../lib/use-load.ts';

export type Unit = Schema<'Unit'>;
export type UnitCatalog = ApiData<'/api/units', 'get'>;
export type UnitInput = ApiBody<'/api/units', 'post'>;
export type Resolution = ApiData<'/api/units/resolve', 'post'>['items'][number];

// Every page needs the unit names (tables, selects, the header), so they are fetched once and
// shared until a change to units invalidates them.
let cached: Promise<UnitCatalog> | null = null;
let version = 0;
const listeners = new Set<() => void>();

export function loadUnitCatalog(): Promise<UnitCatalog> {
  if (!cached) {
    cached = call(client.GET('/api/units'));
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}

export function invalidateUnits() {
  cached = null;
  version++;
  for (const l of listeners) l();
}

/** The shared unit catalogue; re-reads after invalidateUnits(). */
export function useUnitCatalog(enabled = true): Loaded<UnitCatalog> {
  const [v, setV] = useState(version);
  useEffect(() => {
    const l = () => setV(version);
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  }, []);
  return useLoad(() => (enabled ? loadUnitCatalog() : Promise.resolve({ kinds: {}, items: [] })), [v, enabled]);
}

/** A short label for a unit: its short name when it has one. */
export const unitLabel = (u: Pick<Unit, 'name' | 'shortName'>) => u.shortName || u.name;

export const createUnit = (body: UnitInput) => call(client.POST('/api/units', { body }));
export const updateUnit = (id: string, body: ApiBody<'/api/units/{id}', 'patch'>) => call(client.PATCH('/api/units/{id}', { params: { path: { id } }, body }));

export const resolveUnitNames = (text: string) => call(client.POST('/api/units/resolve', { body: { text } }));

import { useEffect, useState } from 'react';
import { api } from '../../lib/api.ts';
import { useLoad, type Loaded } from '../../lib/use-load.ts';

export interface Unit {
  id: string;
  parentId: string | null;
  name: string;
  shortName: string | null;
  kind: string;
  isAgency: boolean;
  code: string | null;
  sort: number;
  active: boolean;
  aliases: string[];
  createdAt: string;
  updatedAt: string;
}

export interface UnitCatalog {
  /** Kind code → Chinese label, as the server names them. */
  kinds: Record<string, string>;
  items: Unit[];
}

export interface UnitInput {
  name: string;
  shortName?: string | null;
  kind: string;
  parentId?: string | null;
  isAgency?: boolean;
  code?: string | null;
  sort?: number;
  aliases?: string[];
}

// Every page needs the unit names (tables, selects, the header), so they are fetched once and
// shared until a change to units invalidates them.
let cached: Promise<UnitCatalog> | null = null;
let version = 0;
const listeners = new Set<() => void>();

export function loadUnitCatalog(): Promise<UnitCatalog> {
  if (!cached) {
    cached = api.get<UnitCatalog>('/api/units');
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

export const createUnit = (input: UnitInput) => api.post<Unit>('/api/units', input);
export const updateUnit = (id: string, input: Partial<UnitInput> & { active?: boolean }) => api.patch<Unit>(`/api/units/${id}`, input);

export interface Resolution {
  written: string;
  kind: 'unit' | 'group' | 'unknown';
  unit?: { unitId: string; name: string };
  group?: { id: string; name: string; membership: string };
  units?: { unitId: string; name: string }[];
}

export const resolveUnitNames = (text: string) => api.post<{ items: Resolution[] }>('/api/units/resolve', { text });

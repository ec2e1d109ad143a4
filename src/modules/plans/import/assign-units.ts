import type { UnitLookup } from './resolve-units.ts';
import { splitUnitNames } from './split-unit-names.ts';
import type { ParsedMeasure, ResponsibleRef, UnitRef } from './types.ts';

export interface UnitCells {
  /** The lead column's text; null when the layout has no lead column. */
  lead: string | null;
  leadInherited: boolean;
  units: { text: string; role: 'responsible' | 'cooperate' }[];
}

export type AssignedUnits = Pick<ParsedMeasure, 'lead' | 'leadSource' | 'responsible'>;

/**
 * Decides lead and responsible units of one row. Without a lead column the lead is whoever the
 * responsible cell marks 牵头, or else the first name listed (the usual convention of national
 * and municipal notices: 排在第一位的为牵头单位).
 */
export function assignUnits(cells: UnitCells, lookup: UnitLookup, row: number): AssignedUnits {
  const leadNames: string[] = [];
  const markedLeads: string[] = [];
  const responsible: { written: string; role: 'responsible' | 'cooperate' }[] = [];

  if (cells.lead) for (const piece of splitUnitNames(cells.lead)) leadNames.push(piece.written);
  for (const column of cells.units) {
    for (const piece of splitUnitNames(column.text)) {
      if (piece.role === 'lead') markedLeads.push(piece.written);
      else {
        // A role written in the cell (配合 / 负责) overrides the column's.
        const role = piece.role === 'cooperate' ? 'cooperate' : piece.role ? 'responsible' : column.role;
        responsible.push({ written: piece.written, role });
      }
    }
  }

  let leadSource: ParsedMeasure['leadSource'];
  if (leadNames.length > 0) leadSource = cells.leadInherited ? 'inherited' : 'column';
  else if (markedLeads.length > 0) leadSource = 'marker';
  else if (cells.lead === null && responsible.length > 0) {
    leadSource = 'first_listed';
    leadNames.push(responsible[0].written);
  } else leadSource = 'none';

  const leadWritten = [...new Set([...leadNames, ...markedLeads])];
  const lead: UnitRef[] = leadWritten.flatMap((w) => lookup.refs(w, row));
  const seen = new Set<string>();
  const resp: ResponsibleRef[] = [];
  for (const r of responsible) {
    const key = `${r.role}:${r.written}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const ref of lookup.refs(r.written, row)) resp.push({ ...ref, role: r.role });
  }
  return { lead, leadSource, responsible: resp };
}

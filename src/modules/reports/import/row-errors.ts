import { invalid } from '../../../platform/errors.ts';

export interface RowError {
  line: number;
  column: string;
  message: string;
}

/** Every bad row is reported (the first 200), and the whole import is refused. */
export function refuseRows(errors: RowError[]): never {
  const shown = errors.slice(0, 200);
  const more = errors.length > shown.length ? `，另有 ${errors.length - shown.length} 处未列出` : '';
  throw invalid('import_rows_invalid', `有 ${errors.length} 处错误，未导入任何一行${more}：\n${shown.map((e) => `第 ${e.line} 行【${e.column}】${e.message}`).join('\n')}`, { errors: shown, total: errors.length });
}

/** A date cell: YYYY-MM-DD (a real day), or a day an Excel date cell gave. */
export function checkDate(value: string): string | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  if (!m) return null;
  const s = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s ? s : null;
}

/** The cells of one month in a Monday-first grid: null for the blanks before the 1st. */
export function monthCells(year: number, month: number): (string | null)[] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= days; d++) cells.push(`${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  while (cells.length % 7) cells.push(null);
  return cells;
}

export const isWeekend = (date: string) => {
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  return wd === 0 || wd === 6;
};

/** Holiday rows grouped by festival name, in date order: 春节 → off days, make-up days. */
export function groupByName<T extends { date: string; kind: string; name: string }>(days: T[]) {
  const groups = new Map<string, { name: string; off: string[]; work: string[] }>();
  for (const d of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    const g = groups.get(d.name) ?? { name: d.name, off: [], work: [] };
    (d.kind === 'off' ? g.off : g.work).push(d.date);
    groups.set(d.name, g);
  }
  return [...groups.values()];
}

/** `['2025-10-01', …, '2025-10-08']` → `10月1日—10月8日`; gaps start a new range. */
export function describeDates(dates: string[]): string {
  const md = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
  const ranges: string[][] = [];
  for (const d of dates) {
    const last = ranges.at(-1);
    const prev = last?.at(-1);
    if (last && prev && Date.parse(`${d}T00:00:00Z`) - Date.parse(`${prev}T00:00:00Z`) === 86_400_000) last.push(d);
    else ranges.push([d]);
  }
  return ranges.map((r) => (r.length === 1 ? md(r[0]) : `${md(r[0])}—${md(r.at(-1)!)}`)).join('、');
}

import { createRequire } from 'node:module';
import type { Db } from '../../db/client.ts';
import { calendarDays, calendarYears } from '../../db/schema/index.ts';

const require = createRequire(import.meta.url);

/** Years seeded from the chinese-days data; later years are entered by an administrator. */
export const SEEDED_YEARS = [2021, 2022, 2023, 2024, 2025, 2026];

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** "National Day,国庆节,3" → 国庆节 */
const holidayName = (raw: string) => raw.split(',')[1] ?? raw;

export function chineseDaysExceptions(years = SEEDED_YEARS) {
  const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysData;
  const inYears = (d: string) => years.includes(Number(d.slice(0, 4)));
  return [
    ...Object.entries(data.holidays).filter(([d]) => inYears(d)).map(([date, raw]) => ({ date, year: Number(date.slice(0, 4)), kind: 'off', name: holidayName(raw) })),
    ...Object.entries(data.workdays).filter(([d]) => inYears(d)).map(([date, raw]) => ({ date, year: Number(date.slice(0, 4)), kind: 'work', name: `${holidayName(raw)}调休上班` })),
  ];
}

/** Loads 2021–2026 into an empty calendar; a calendar that has any year already is left alone. */
export async function seedCalendar(db: Db): Promise<void> {
  const existing = await db.select({ year: calendarYears.year }).from(calendarYears).limit(1);
  if (existing.length) return;
  await db.insert(calendarYears).values(SEEDED_YEARS.map((year) => ({ year, source: 'chinese-days', note: '依据国务院办公厅节假日安排通知（chinese-days 数据）' })));
  await db.insert(calendarDays).values(chineseDaysExceptions());
}

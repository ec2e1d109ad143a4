/** The first and last day of a report year, as the dates the tables compare against. */
export function yearSpan(year: number): { first: string; last: string } {
  return { first: `${year}-01-01`, last: `${year}-12-31` };
}

export const REPORT_YEAR_MIN = 2008; // the first year of the old 条例's annual reports
export const isReportYear = (y: number) => Number.isInteger(y) && y >= REPORT_YEAR_MIN && y <= 2100;

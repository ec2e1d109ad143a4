/**
 * When an agency's report for `year` must be published (条例 第49–50条; ogi-rules §2): a department
 * by 31 January of the next year, the district government (the region unit) by 31 March.
 */
export function reportDueDate(unitKind: string, year: number): string {
  return unitKind === 'region' ? `${year + 1}-03-31` : `${year + 1}-01-31`;
}

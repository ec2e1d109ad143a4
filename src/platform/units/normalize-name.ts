/**
 * A written unit name as notices carry it: surrounding spaces, line breaks and trailing
 * list punctuation removed; full-width spaces treated as spaces.
 */
export function normalizeUnitName(written: string): string {
  return written
    .replace(/[\u3000\s]+/g, '')
    .replace(/^[、，,;；。.]+|[、，,;；。.：:]+$/g, '');
}

/** Splits a cell like `区政府各部门、\n管委会、街道办事处` into its written names. */
export function splitUnitNames(cell: string): string[] {
  return cell
    .split(/[、，,;；\n\r]+/)
    .map(normalizeUnitName)
    .filter((s) => s.length > 0);
}

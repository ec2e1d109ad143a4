/**
 * Splits on single-character separators that stand outside brackets, so that
 * `区政府各部门（含管委会、街道）` or `（以下简称其他渠道）` stay whole.
 */
export function splitOutsideBrackets(s: string, separators: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of s) {
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && depth > 0) depth--;
    if (depth === 0 && separators.test(ch)) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

import { parseColumnInstructions } from './parse-column-instructions.ts';
import { parseDeadlines } from './parse-deadlines.ts';
import { parseDisclosurePaths } from './parse-disclosure-paths.ts';
import { parseTargets } from './parse-targets.ts';
import { splitItems } from './split-items.ts';
import type { Deadline, ImportWarning, ParsedMeasure } from './types.ts';

export type MeasureContent = Pick<
  ParsedMeasure,
  'text' | 'items' | 'outline' | 'deadlines' | 'disclosurePaths' | 'otherChannels' | 'columnInstructions' | 'targets'
>;

/** Everything a measure's own cell and its time-limit cells say. */
export function readMeasure(
  cell: string,
  deadlineCells: string[],
  year: number | null,
  warnings: ImportWarning[],
  row: number,
): MeasureContent {
  const { text, items, outline } = splitItems(cell);
  const deadlines: Deadline[] = parseDeadlines(text, { year, source: 'text' });
  for (const limit of deadlineCells) {
    if (!limit.trim()) continue;
    const found = parseDeadlines(limit, { year, source: 'column' });
    if (found.length === 0) {
      warnings.push({ code: 'deadline_unrecognised', message: `完成时限“${limit}”无法识别为日期，已原样保留`, row });
      found.push({ date: null, text: limit.trim(), kind: 'other', source: 'column' });
    }
    deadlines.push(...found);
  }
  const { paths, otherChannels } = parseDisclosurePaths(text);
  return {
    text,
    items,
    outline,
    deadlines,
    disclosurePaths: paths,
    otherChannels,
    columnInstructions: parseColumnInstructions(text),
    targets: parseTargets(text),
  };
}

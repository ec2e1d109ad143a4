import { isStrayNumbering, parseItemNumber } from './numbering.ts';
import type { OutlineEntry } from './types.ts';

export interface SplitMeasure {
  /** The cell's paragraphs, stray numbering lines removed. */
  text: string;
  items: string[];
  outline: OutlineEntry[];
}

/**
 * Splits a measure cell into its numbered items (1． 2． （1）…). A paragraph without a number
 * continues the item before it (`3．政府信息公开专区。` + its body), except where a stray
 * numbering line shows that Word's automatic number was lost: then it starts an item of its own.
 * An opening paragraph is an item only when such traces exist and it is not an introduction
 * ending in a colon; otherwise a measure without numbers has no items.
 */
export function splitItems(cell: string): SplitMeasure {
  const lines = cell.split('\n');
  const hasLostNumbers = lines.some(isStrayNumbering);
  const kept: string[] = [];
  const items: { text: string; entry: OutlineEntry }[] = [];
  const styleLevel = new Map<string, number>();
  let lostNumber = false;

  const levelOf = (style: string): number => {
    let level = styleLevel.get(style);
    if (level === undefined) {
      level = styleLevel.size + 1;
      styleLevel.set(style, level);
    }
    return level;
  };
  const parentFor = (level: number): number | null => {
    for (let i = items.length - 1; i >= 0; i--) if (items[i].entry.level < level) return i;
    return null;
  };

  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (isStrayNumbering(line)) {
      lostNumber = true;
      continue;
    }
    kept.push(line);
    const num = parseItemNumber(line);
    if (num) {
      const level = levelOf(num.style);
      items.push({ text: num.rest.trim(), entry: { label: num.label, level, parent: parentFor(level) } });
    } else if (lostNumber || (items.length === 0 && hasLostNumbers && !/[：:]$/.test(line))) {
      const level = levelOf('n');
      items.push({ text: line, entry: { label: null, level, parent: parentFor(level) } });
    } else if (items.length > 0) {
      items[items.length - 1].text += `\n${line}`;
    }
    lostNumber = false;
  }
  return { text: kept.join('\n'), items: items.map((i) => i.text), outline: items.map((i) => i.entry) };
}

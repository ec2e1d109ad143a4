import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scanText } from '../scan-text.ts';

/** One document of the person-name corpus: its text and the names that must be flagged. */
export interface CorpusDoc {
  genre: string;
  text: string;
  names: { start: number; end: number }[];
}

export type CorpusPart = 'dev' | 'heldout' | 'heldout2';

const OPEN = '⟦';
const CLOSE = '⟧';

/** Parses the corpus format described in README.md. */
export function parseCorpus(source: string): CorpusDoc[] {
  const docs: CorpusDoc[] = [];
  let genre = '';
  let lines: string[] = [];
  const flush = () => {
    const raw = lines.join('\n').replace(/^\n+|\n+$/g, '');
    lines = [];
    if (raw === '') return;
    let text = '';
    const names: CorpusDoc['names'] = [];
    let start = -1;
    for (const ch of raw) {
      if (ch === OPEN) start = text.length;
      else if (ch === CLOSE) {
        if (start === -1) throw new Error(`unbalanced ${CLOSE} in: ${raw.slice(0, 40)}`);
        names.push({ start, end: text.length });
        start = -1;
      } else text += ch;
    }
    if (start !== -1) throw new Error(`unbalanced ${OPEN} in: ${raw.slice(0, 40)}`);
    docs.push({ genre, text, names });
  };
  for (const line of source.split('\n')) {
    if (line.startsWith('#')) continue;
    if (line.startsWith('@genre ')) {
      flush();
      genre = line.slice(7).trim();
    } else if (line.trim() === '====') flush();
    else lines.push(line);
  }
  flush();
  return docs;
}

export function loadCorpus(part: CorpusPart): CorpusDoc[] {
  const file = fileURLToPath(new URL(`./${part}.txt`, import.meta.url));
  return parseCorpus(readFileSync(file, 'utf8'));
}

export interface Score {
  names: number;
  flagged: number;
  correct: number;
  recall: number;
  precision: number;
  missed: string[];
  wrong: string[];
}

function score(names: number, flagged: number, correct: number, missed: string[], wrong: string[]): Score {
  return {
    names,
    flagged,
    correct,
    recall: names === 0 ? 1 : correct / names,
    precision: flagged === 0 ? 1 : correct / flagged,
    missed,
    wrong,
  };
}

/**
 * Scans every document and compares the person_name findings with the labels. A finding counts
 * as correct only when it covers exactly a labelled name (张建国, not 张建 or 张建国家).
 */
export function evaluate(docs: readonly CorpusDoc[]): { overall: Score; byGenre: Map<string, Score> } {
  const acc = new Map<string, { n: number; f: number; c: number; missed: string[]; wrong: string[] }>();
  const all = { n: 0, f: 0, c: 0, missed: [] as string[], wrong: [] as string[] };
  for (const doc of docs) {
    const found = scanText(doc.text).filter((f) => f.type === 'person_name');
    const gold = new Set(doc.names.map((n) => `${n.start}:${n.end}`));
    const hit = new Set(found.map((f) => `${f.start}:${f.end}`));
    let g = acc.get(doc.genre);
    if (!g) acc.set(doc.genre, (g = { n: 0, f: 0, c: 0, missed: [], wrong: [] }));
    for (const n of doc.names) {
      if (hit.has(`${n.start}:${n.end}`)) continue;
      const m = `${doc.text.slice(n.start, n.end)} «${doc.text.slice(Math.max(0, n.start - 8), n.end + 8).replace(/\s+/g, ' ')}»`;
      g.missed.push(m);
      all.missed.push(m);
    }
    let correct = 0;
    for (const f of found) {
      if (gold.has(`${f.start}:${f.end}`)) {
        correct++;
        continue;
      }
      const w = `${f.value} «${doc.text.slice(Math.max(0, f.start - 8), f.end + 8).replace(/\s+/g, ' ')}»`;
      g.wrong.push(w);
      all.wrong.push(w);
    }
    for (const t of [g, all]) {
      t.n += doc.names.length;
      t.f += found.length;
      t.c += correct;
    }
  }
  const byGenre = new Map<string, Score>();
  for (const [genre, t] of acc) byGenre.set(genre, score(t.n, t.f, t.c, t.missed, t.wrong));
  return { overall: score(all.n, all.f, all.c, all.missed, all.wrong), byGenre };
}

import type { MatchEntry } from './types.js';

/**
 * Rows of a bank table (header: id, question, variants, answer; variants separated by | or a line
 * break) → MatchEntry[]. For the bench and tests; the qa module's import owns real files.
 */
export function readBankRows(rows: string[][]): MatchEntry[] {
  const [header, ...body] = rows;
  const col = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name);
  const [id, question, variants, answer] = ['id', 'question', 'variants', 'answer'].map(col);
  if (id < 0 || question < 0) throw new Error('bank table needs the columns id and question');
  return body
    .filter((r) => r[id]?.trim() && r[question]?.trim())
    .map((r) => ({
      id: r[id].trim(),
      question: r[question].trim(),
      variants: variants < 0 ? [] : (r[variants] ?? '').split(/[|\n]/).map((v) => v.trim()).filter(Boolean),
      answer: answer < 0 ? '' : (r[answer] ?? '').trim(),
      autoAnswer: true,
    }));
}

/** Tab-separated text → rows. */
export function parseTsv(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => l.split('\t'));
}

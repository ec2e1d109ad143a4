/**
 * Recall and precision of the private-person name detector on the labelled corpus
 * (src/modules/catalog/pii/corpus/), per genre and overall, for the dev and the held-out part.
 * Run: npx tsx bench/pii-names.ts [--verbose]   (targets: recall ≥ 0.98, precision ≥ 0.95)
 *
 * --verbose lists every missed name and every wrong finding with a little context.
 */
import { evaluate, loadCorpus, type CorpusPart, type Score } from '../src/modules/catalog/pii/corpus/corpus.ts';

const verbose = process.argv.includes('--verbose');
const fmt = (x: number) => x.toFixed(3);
const row = (label: string, s: Score) =>
  `${label.padEnd(12, '\u3000')} names ${String(s.names).padStart(3)}  flagged ${String(s.flagged).padStart(3)}  correct ${String(s.correct).padStart(3)}  recall ${fmt(s.recall)}  precision ${fmt(s.precision)}`;

for (const part of ['dev', 'heldout', 'heldout2'] as CorpusPart[]) {
  const docs = loadCorpus(part);
  const t = performance.now();
  const { overall, byGenre } = evaluate(docs);
  const ms = performance.now() - t;
  console.log(`\n== ${part}: ${docs.length} documents, ${byGenre.size} genres (${ms.toFixed(0)} ms)`);
  for (const [genre, s] of byGenre) {
    console.log(row(genre, s));
    if (verbose) {
      for (const m of s.missed) console.log(`    missed: ${m}`);
      for (const w of s.wrong) console.log(`    wrong:  ${w}`);
    }
  }
  console.log(row('overall', overall));
  const ok = overall.recall >= 0.98 && overall.precision >= 0.95;
  console.log(ok ? 'OK: recall ≥ 0.98 and precision ≥ 0.95' : 'BELOW TARGET: recall ≥ 0.98 and precision ≥ 0.95');
}

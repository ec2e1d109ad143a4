/**
 * Time to import the 2021 渝中区 notice, as Word text and as a .docx built from it (with real merged
 * cells). Run: npx tsx bench/plan-import.ts. Target: median and p95 under 300 ms each.
 */
import { parseNoticeDocx, parseNoticeText } from '../src/modules/plans/import/index.ts';
import { buildDocx, readSeed, seedOfficeTable } from '../src/modules/plans/import/test-support/build-office-files.ts';
import { makeTestResolver } from '../src/modules/plans/import/test-support/test-resolver.ts';

const RUNS = 50;
const TARGET_MS = 300;

async function time(label: string, run: () => unknown | Promise<unknown>): Promise<boolean> {
  const cold0 = performance.now();
  await run();
  const cold = performance.now() - cold0;
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const median = (samples[(RUNS - 1) >> 1] + samples[RUNS >> 1]) / 2;
  const p95 = samples[Math.ceil(0.95 * RUNS) - 1];
  const ok = median < TARGET_MS && p95 < TARGET_MS;
  const verdict = ok ? 'ok' : `OVER ${TARGET_MS} ms`;
  const figures = `median ${median.toFixed(1)} ms  p95 ${p95.toFixed(1)} ms  first run ${cold.toFixed(1)} ms`;
  console.log(`${label.padEnd(6)} ${figures}  (${RUNS} runs) ${verdict}`);
  return ok;
}

const text = readSeed();
const docx = await buildDocx(seedOfficeTable(text));
const opts = { resolver: makeTestResolver() };
console.log(`seed: ${Buffer.byteLength(text)} bytes of text, ${docx.length} bytes as .docx`);
const results = [await time('text', () => parseNoticeText(text, opts)), await time('docx', () => parseNoticeDocx(docx, opts))];
if (results.includes(false)) process.exitCode = 1;

/**
 * What a word-vector channel would add to the reranker: reads word vectors in word2vec's binary format
 * (a header "COUNT DIM", then each word, a space and DIM little-endian float32), and reranks each dev
 * question's candidates (the matcher's top 20) by the score's log-odds plus λ·4·cos, where cos is the
 * IDF-weighted mean word vector of the question against the entry's questions (or 0.7 × against its
 * answer's first 300 characters). Prints top-1 per kind for λ = 0 (the engine as it is) and up.
 * Development data only. No vectors ship with the project: the only Chinese vectors reachable here
 * (npm node-synonyms 1.3.1, data/words.vector: 125,796 words × 100, Wikipedia) are GPL-3.0.
 * Run: npx tsx bench/qa/word-vectors.ts FILE
 */
import { readFileSync } from 'node:fs';
import { createMatcher } from '../../src/modules/qa/matching/create-matcher.js';
import { tagWords } from '../../src/modules/qa/matching/segmenter.js';
import { loadBank, loadEval, loadSecondBench } from './eval-data.js';

const file = process.argv[2];
if (!file) {
  console.error('usage: npx tsx bench/qa/word-vectors.ts FILE (word2vec binary format)');
  process.exit(2);
}

function readVectors(path: string): { dim: number; vectors: Map<string, Float32Array> } {
  const buf = readFileSync(path);
  let p = buf.indexOf(10);
  const [count, dim] = buf.subarray(0, p).toString().split(' ').map(Number);
  p++;
  const vectors = new Map<string, Float32Array>();
  for (let i = 0; i < count && p < buf.length; i++) {
    while (buf[p] === 10 || buf[p] === 32) p++;
    const space = buf.indexOf(32, p);
    const word = buf.subarray(p, space).toString('utf8');
    p = space + 1;
    const v = new Float32Array(dim);
    for (let j = 0; j < dim; j++) v[j] = buf.readFloatLE(p + 4 * j);
    p += 4 * dim;
    vectors.set(word, normalised(v));
  }
  return { dim, vectors };
}

function normalised(v: Float32Array): Float32Array {
  const norm = Math.hypot(...v) || 1;
  for (let j = 0; j < v.length; j++) v[j] /= norm;
  return v;
}

const { dim, vectors } = readVectors(file);
console.log(`${vectors.size} word vectors of ${dim} dimensions`);
// Function words and the dialect's question words carry no meaning of their own here.
const STOP = /^(的|了|吗|呢|啊|哦|嘛|我|你|他|怎么|如何|什么|是|在|有|要|能|可以|不|没|和|吧|个|这|那|哪里|哪|多少|好多|咋个|啥子|办|去)$/;
const dot = (a: Float32Array | null, b: Float32Array | null) => (a && b ? a.reduce((s, x, j) => s + x * b[j], 0) : 0);
const LAMBDAS = [0, 0.5, 1, 2, 4];

const second = loadSecondBench();
const sets = [
  { name: 'dev', bank: loadBank(), items: loadEval().filter((i) => i.split === 'dev') },
  { name: 'dev2', bank: second.bank, items: second.items },
];
for (const { name, bank, items } of sets) {
  const matcher = createMatcher(bank);
  const df = new Map<string, number>();
  const texts = bank.flatMap((e) => [e.question, ...e.variants, e.answer]);
  for (const t of texts) for (const w of new Set(tagWords(t).map((x) => x.word))) df.set(w, (df.get(w) ?? 0) + 1);
  const idf = (w: string) => Math.log(1 + (texts.length + 1) / ((df.get(w) ?? 0) + 1));
  const textVector = (t: string): Float32Array | null => {
    const v = new Float32Array(dim);
    let any = false;
    for (const { word } of tagWords(t)) {
      const x = STOP.test(word) ? undefined : vectors.get(word);
      if (!x) continue;
      any = true;
      const w = idf(word);
      for (let j = 0; j < dim; j++) v[j] += w * x[j];
    }
    return any ? normalised(v) : null;
  };
  const entryVectors = new Map(bank.map((e) => [e.id, { texts: [e.question, ...e.variants].map(textVector), answer: textVector(e.answer.slice(0, 300)) }]));
  for (const kind of ['paraphrase', 'colloquial'] as const) {
    const asked = items.filter((i) => i.kind === kind && i.expected);
    const right = LAMBDAS.map(() => 0);
    for (const item of asked) {
      const q = textVector(item.question);
      const candidates = matcher.explain!(item.question).slice(0, 20);
      const semantic = candidates.map((c) => {
        const e = entryVectors.get(c.entryId)!;
        return Math.max(...e.texts.map((v) => dot(q, v)), 0.7 * dot(q, e.answer));
      });
      LAMBDAS.forEach((l, li) => {
        const z = candidates.map((c, i) => Math.log(c.score / (1 - c.score + 1e-6)) + l * 4 * semantic[i]);
        const best = z.indexOf(Math.max(...z));
        if (candidates[best]?.entryId === item.expected) right[li]++;
      });
    }
    console.log(`${name} ${kind.padEnd(10)} top-1 ` + LAMBDAS.map((l, i) => `λ ${l}: ${(right[i] / asked.length).toFixed(3)}`).join('  '));
  }
}

/**
 * Matching time and memory on large banks: the bench bank plus generated distractor entries (bank
 * questions recombined with other places, years, groups and words, 5 texts each) up to 10k and 100k
 * texts. Prints build time, heap and RSS after the build, p50/p95/max of match() over the labelled
 * questions (3 passes; wall and process CPU time — on a shared machine the wall time mostly measures
 * waiting for a core), and top-1 on the in-bank questions with the distractors present.
 * Run: node --expose-gc --import tsx bench/qa/scale.ts [10000 100000] [--no-variants]
 * (--no-variants: the bench bank and each distractor with its standard question only — the shape of a
 * real bank imported with id, question and answer; N then counts distractor texts before the cut, so
 * 25000 gives ~5,000 entries)
 */
import { createMatcher } from '../../src/modules/qa/matching/create-matcher.js';
import type { MatchEntry } from '../../src/modules/qa/matching/types.js';
import { fmt, loadBank, loadEval, metrics, type Scored } from './eval-data.js';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0); // --verbose lists the dev questions answered wrongly
const noVariants = process.argv.includes('--no-variants');
const bank = loadBank();
const items = loadEval();

const PLACES = ['万州区', '涪陵区', '大渡口区', '沙坪坝区', '九龙坡区', '南岸区', '北碚区', '綦江区', '大足区', '渝北区', '巴南区', '黔江区', '长寿区', '江津区', '合川区', '永川区', '南川区', '璧山区', '铜梁区', '潼南区', '荣昌区', '开州区', '梁平区', '武隆区', '城口县', '丰都县', '垫江县', '忠县', '云阳县', '奉节县', '巫山县', '巫溪县', '石柱县', '秀山县', '酉阳县', '彭水县', '成都市', '贵阳市', '西安市'];
const GROUPS = ['农民工', '退役军人', '残疾人', '高校毕业生', '灵活就业人员', '失业人员', '老年人', '退休人员', '脱贫人口', '个体工商户', '新就业形态劳动者', '外籍人员'];
const ASKS = ['怎么办理', '需要什么材料', '在哪里办', '多久能办好', '标准是多少', '有什么条件', '可以网上办吗', '收费吗'];

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function distractors(variants: number): MatchEntry[] {
  const rand = rng(variants);
  const pick = <T>(a: T[]) => a[Math.floor(rand() * a.length)];
  const words = [...new Set(bank.flatMap((e) => [e.question, ...e.variants].join('').match(/\p{Script=Han}{2}/gu) ?? []))];
  const out: MatchEntry[] = [];
  for (let i = 0; out.length * 5 < variants - bank.length * 2; i++) {
    const base = pick(bank);
    const place = pick(PLACES);
    const year = 2015 + Math.floor(rand() * 12);
    const group = pick(GROUPS);
    const stem = base.question.replace(/怎么.*|如何.*|在哪里.*|是多少|吗$/, '').slice(0, 14);
    const texts = Array.from({ length: 5 }, (_, k) => {
      const extra = pick(words) + pick(words);
      return [
        `${place}${year}年${stem}${pick(ASKS)}`,
        `${group}${stem}${extra}${pick(ASKS)}`,
        `${year}年${place}${group}${extra}${pick(ASKS)}`,
        `${place}${pick(words)}${stem}${pick(ASKS)}`,
        `${extra}${pick(words)}${group}${pick(ASKS)}`,
      ][k];
    });
    out.push({ id: `d${i}`, question: texts[0], variants: texts.slice(1), answer: `${place}${year}年${stem}的办理说明（生成的干扰项）。`, autoAnswer: true });
  }
  return out;
}

function mb(n: number) {
  return `${(n / 1048576).toFixed(0)} MB`;
}

for (const size of sizes.length ? sizes : [10000, 100000]) {
  const entries = noVariants ? [...bank, ...distractors(size)].map((e) => ({ ...e, variants: [] })) : [...bank, ...distractors(size)];
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const matcher = createMatcher(entries);
  const build = performance.now() - t0;
  global.gc?.();
  const mem = process.memoryUsage();
  const times: number[] = [];
  const cpu: number[] = [];
  let top1 = 0;
  const dev: Scored[] = [];
  for (let pass = 0; pass < 3; pass++) {
    for (const item of items) {
      const c = process.cpuUsage();
      const s = performance.now();
      const r = matcher.match(item.question);
      times.push(performance.now() - s);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
      if (pass === 0 && item.expected && r.ranked[0]?.entryId === item.expected) top1++;
      if (pass === 0 && item.split === 'dev') dev.push({ item, result: r });
    }
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const q = (p: number, list = times) => list[Math.min(list.length - 1, Math.floor(list.length * p))].toFixed(2);
  const inBank = items.filter((i) => i.expected).length;
  console.log(
    `${matcher.size.variants} texts (${matcher.size.entries} entries): build ${(build / 1000).toFixed(1)} s, heap +${mb(mem.heapUsed - heap0)} (heap ${mb(mem.heapUsed)}, RSS ${mb(mem.rss)}); match p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${times[times.length - 1].toFixed(1)} ms (CPU time p50 ${q(0.5, cpu)}, p95 ${q(0.95, cpu)} ms); in-bank top-1 with distractors ${(top1 / inBank).toFixed(3)}`,
  );
  // With near neighbours (the same question for another place, year or group) the thresholds must still hold: dev split only.
  const m = metrics(dev);
  if (process.argv.includes('--verbose')) {
    for (const { item, result: r } of dev) {
      if (r.decision !== 'answer' || r.answerId === item.expected) continue;
      const top = r.ranked[0];
      console.log(`  WRONG ${item.kind} exp=${item.expected ?? '-'} got=${top.entryId} s=${r.score} m=${r.margin} ${item.question} | ${top.matchedText}`);
    }
  }
  console.log(`  dev with distractors: answered precision ${fmt(m.answeredPrecision)} at coverage ${fmt(m.coverage)}, false answers (out-of-bank + near-miss) ${fmt(m.falseAnswerRate)}`);
}

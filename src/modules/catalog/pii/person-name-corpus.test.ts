import { describe, expect, it } from 'vitest';
import { evaluate, loadCorpus, parseCorpus, type CorpusDoc } from './corpus/corpus.ts';

/**
 * Recall and precision of the name detector on the labelled corpus (corpus/README.md). The
 * figures per part and per genre are printed by `npx tsx bench/pii-names.ts`.
 */
describe('person-name corpus', () => {
  const parts = { dev: loadCorpus('dev'), heldout: loadCorpus('heldout'), heldout2: loadCorpus('heldout2') };
  const all: CorpusDoc[] = [...parts.dev, ...parts.heldout, ...parts.heldout2];

  it('is big and varied enough to mean something', () => {
    const names = all.reduce((n, d) => n + d.names.length, 0);
    const genres = new Set(all.filter((d) => d.names.length > 0).map((d) => d.genre));
    expect(names).toBeGreaterThanOrEqual(300);
    expect(genres.size).toBeGreaterThanOrEqual(10);
  });

  it('finds at least 98% of the names, at least 95% of findings being names', () => {
    const { overall } = evaluate(all);
    const report = `recall ${overall.recall.toFixed(3)}, precision ${overall.precision.toFixed(3)}\nmissed: ${overall.missed.join('\n')}\nwrong: ${overall.wrong.join('\n')}`;
    expect(overall.recall, report).toBeGreaterThanOrEqual(0.98);
    expect(overall.precision, report).toBeGreaterThanOrEqual(0.95);
  });

  it('flags no look-alike and no official in office', () => {
    const negatives = all.filter((d) => d.genre === '看起来像名字的词' || d.genre === '领导与官员');
    expect(negatives.length).toBeGreaterThan(20);
    expect(evaluate(negatives).overall.wrong).toEqual([]);
  });

  it('parses the markup into exact offsets', () => {
    const [doc] = parseCorpus('@genre 测试\n新增对象：⟦张建国⟧，⟦欧阳娜娜⟧');
    expect(doc.text).toBe('新增对象：张建国，欧阳娜娜');
    expect(doc.names.map((n) => doc.text.slice(n.start, n.end))).toEqual(['张建国', '欧阳娜娜']);
  });
});

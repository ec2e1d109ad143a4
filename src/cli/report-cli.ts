import fs from 'node:fs';
import path from 'node:path';
import type { OpContext } from '../platform/context.ts';
import { loadUnitResolver } from '../platform/units/unit-resolver.ts';
import { computeAnnualFigures, figuresJsonText } from '../modules/reports/compute-annual-report.ts';
import { isReportYear } from '../modules/reports/year-span.ts';
import { cliActor } from './cli-actor.ts';
import type { CliIo } from './cli-io.ts';

/** `report annual --agency NAME --year YYYY [--json] [--docx FILE]`: the tables computed from the data now. */
export async function runReportAnnual(opts: { agency: string; year: string; json?: boolean; docx?: string }, io: CliIo): Promise<number> {
  const year = Number(opts.year);
  if (!isReportYear(year)) {
    io.err(`年度不正确：${opts.year}`);
    return 2;
  }
  const cli = await io.open();
  try {
    const { db } = cli.database;
    const found = (await loadUnitResolver(db)).resolveOne(opts.agency);
    if (found.kind !== 'unit') {
      io.err(`单位“${opts.agency}”不存在${found.kind === 'group' ? '（这是单位组，请写具体机关）' : ''}`);
      return 1;
    }
    const figures = await computeAnnualFigures(db, found.unit.unitId, year);
    if (opts.docx) {
      const { annualReportDocx } = await import('../modules/reports/annual-report-docx.ts');
      const { loadReportTexts } = await import('../modules/reports/load-report-texts.ts');
      const buf = await annualReportDocx(figures, await loadReportTexts(db, found.unit.unitId, year));
      fs.writeFileSync(path.resolve(io.cwd, opts.docx), buf);
      io.err(`已写入 ${opts.docx}`);
    }
    if (opts.json || !opts.docx) io.out(`${figuresJsonText(figures)}\n`);
    if (!figures.checks.balanced) io.err('注意：第三部分不平衡（一 + 二 ≠ 三（七） + 四），请检查已办结但未填办理结果的申请');
    return 0;
  } finally {
    await cli.close();
  }
}

/** `requests import FILE` / `requests import-reviews FILE`: earlier years' ledgers, all rows or none. */
export async function runLedgerImport(kind: 'cases' | 'reviews', file: string, opts: { as?: string }, io: CliIo): Promise<number> {
  const full = path.resolve(io.cwd, file);
  if (!fs.existsSync(full)) {
    io.err(`文件不存在：${file}`);
    return 2;
  }
  const data = fs.readFileSync(full);
  const cli = await io.open();
  try {
    const { db } = cli.database;
    const actor = await cliActor(db, opts.as, io);
    if (!actor) return 1;
    const ctx: OpContext = { db, actor, ip: 'cli' };
    let shown = 0;
    const progress = (done: number, total: number) => {
      if (done - shown >= 10_000 || done === total) {
        shown = done;
        io.err(`已写入 ${done} / ${total} 行`);
      }
    };
    const { importRequestLedger } = await import('../modules/reports/import/import-request-ledger.ts');
    const { importReviewLedger } = await import('../modules/reports/import/import-review-ledger.ts');
    const r = kind === 'cases' ? await importRequestLedger(ctx, data, progress) : await importReviewLedger(ctx, data, progress);
    io.err(`imported ${r.imported} ${kind === 'cases' ? 'cases' : 'records'}`);
    return 0;
  } finally {
    await cli.close();
  }
}

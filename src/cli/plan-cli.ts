import fs from 'node:fs';
import path from 'node:path';
import { importPlan, parsePlanFile, countPlan } from '../modules/plans/import-plan.ts';
import { cliActor } from './cli-actor.ts';
import type { CliIo } from './cli-io.ts';

/**
 * `plan import FILE [--year Y] [--dry-run] [--json]`. A dry run prints the parsed plan and writes
 * nothing; otherwise the plan is saved as a draft, on behalf of the district office's administrator.
 */
export async function runPlanImport(file: string, opts: { year?: string; dryRun?: boolean; json?: boolean; as?: string }, io: CliIo): Promise<number> {
  if (!fs.existsSync(path.resolve(io.cwd, file))) {
    io.err(`文件不存在：${file}`);
    return 2;
  }
  const data = fs.readFileSync(path.resolve(io.cwd, file));
  const year = opts.year ? Number(opts.year) : undefined;
  if (year !== undefined && (!Number.isInteger(year) || year < 2000 || year > 2100)) {
    io.err(`年度不正确：${opts.year}`);
    return 2;
  }
  const filename = path.basename(file);
  if (opts.dryRun) {
    // A dry run parses and prints, touching nothing: no data directory is created, nothing is
    // migrated or seeded. With a database already there, names are checked against its units.
    const cli = io.hasDatabase() ? await io.open({ migrate: false }) : null;
    try {
      if (!cli) io.err('未找到数据库：只解析文件，单位名称未与单位库核对。');
      const parsed = await parsePlanFile(cli && { db: cli.database.db, actor: null }, { data, filename, year });
      if (opts.json) io.out(`${JSON.stringify({ ...parsed, year: year ?? parsed.year }, null, 2)}\n`);
      else printSummary(io, parsed.title, countPlan(parsed), parsed.warnings);
      return 0;
    } finally {
      await cli?.close();
    }
  }
  const cli = await io.open();
  try {
    const { db } = cli.database;
    const actor = await cliActor(db, opts.as, io);
    if (!actor) return 1;
    const result = await importPlan({ db, actor, ip: 'cli' }, { data, filename, year });
    if (opts.json) io.out(`${JSON.stringify({ planId: result.planId, outcome: result.outcome, counts: result.counts, changes: result.changes, warnings: result.parsed.warnings }, null, 2)}\n`);
    else {
      printSummary(io, result.parsed.title, result.counts, result.parsed.warnings);
      io.err({ created: '已导入为草稿', updated: `已更新草稿（${result.changes.length} 处变化）`, unchanged: '与已导入的文件相同，未作改动', preview: '' }[result.outcome]);
    }
    return 0;
  } finally {
    await cli.close();
  }
}

function printSummary(io: CliIo, title: string | null, counts: { areas: number; subtasks: number; measures: number }, warnings: { message: string; row?: number }[]) {
  io.err(`${title ?? '（未识别标题）'}：${counts.areas} 个方面，${counts.subtasks} 项子任务，${counts.measures} 项举措`);
  for (const w of warnings) io.err(`  提示${w.row ? `（第 ${w.row} 行）` : ''}：${w.message}`);
}

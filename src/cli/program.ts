import { Command, CommanderError } from 'commander';
import { ZodError } from 'zod';
import { ConfigError, loadConfig } from '../config.ts';
import { AppError } from '../platform/errors.ts';
import { runMigrations } from '../db/client.ts';
import { anchorFile, readAuditAnchors } from '../platform/audit/audit-anchor.ts';
import { verifyAudit } from '../platform/audit/verify-audit.ts';
import { DataDirLockedError } from '../platform/data-dir-lock.ts';
import { runCalendarCli } from './calendar-cli.ts';
import type { CliIo } from './cli-io.ts';
import { ROLE_HELP, userAdd, userResetPassword } from './user-cli.ts';

/**
 * The commands that use the database, which a running server also runs for the operator (sent over
 * the data directory's socket: command-channel.ts). `serve` and `pii scan` run in the caller's process.
 */
export const SERVED_COMMANDS = ['migrate', 'user add', 'user reset-password', 'audit verify', 'plan import', 'calendar due', 'calendar day', 'request due', 'report annual', 'requests import', 'requests import-reviews', 'qa import', 'qa match'] as const;

/** The served command that argv names (its first one or two words), or null. */
export function servedCommand(argv: string[]): string | null {
  const words = argv.filter((a) => !a.startsWith('-'));
  const one = words[0] ?? '';
  const two = `${one} ${words[1] ?? ''}`;
  return (SERVED_COMMANDS as readonly string[]).includes(one) ? one : (SERVED_COMMANDS as readonly string[]).includes(two) ? two : null;
}

/** Runs one `gongkai` command with `io` and returns its exit status. Output for machines on stdout, messages on stderr. */
export async function runCommand(argv: string[], io: CliIo): Promise<number> {
  let status = 0;
  const program = new Command('gongkai')
    .description('政务公开工作平台')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s.replace(/\n$/, '')) })
    .showHelpAfterError();
  program
    .command('serve')
    .description('启动服务（默认命令）')
    .action(async () => {
      status = await serve();
    });
  program
    .command('migrate')
    .description('只执行数据库迁移')
    .action(async () => {
      const cli = await io.open({ migrate: false });
      try {
        await runMigrations(cli.database);
        io.err(`数据库迁移完成（${cli.database.kind}）`);
      } finally {
        await cli.close();
      }
    });
  const user = program.command('user').description('账号管理');
  user
    .command('add')
    .description('新增账号，打印一次性密码')
    .requiredOption('--username <username>', '用户名')
    .requiredOption('--name <name>', '姓名')
    .requiredOption('--unit <unit>', '所属单位（全称或简称）')
    .requiredOption('--roles <roles>', `角色，逗号分隔：${ROLE_HELP}`)
    .action(async (opts) => {
      status = await userAdd(opts, io);
    });
  user
    .command('reset-password <username>')
    .description('重置密码并解除锁定，打印新的一次性密码')
    .action(async (username: string) => {
      status = await userResetPassword(username, io);
    });
  const calendar = program.command('calendar').description('工作日历');
  calendar
    .command('due <start> [days]')
    .description('START 之后第 N 个工作日（START 不计）；START 为 - 时逐行读取“START N”')
    .action(async (start: string, days?: string) => {
      status = await runCalendarCli('due', start === '-' ? ['-'] : [start, days ?? ''], io);
    });
  calendar
    .command('day <date>')
    .description('打印 workday 或 off；DATE 为 - 时逐行读取')
    .action(async (date: string) => {
      status = await runCalendarCli('day', [date], io);
    });
  program
    .command('request')
    .description('依申请公开')
    .command('due')
    .description('逐行读取 {"events":[…]}，逐行打印答复期限 {"due","countFrom","pausedDays","extendedDays"} 或 {"error","message"}')
    .option('--json', '以 JSON 输入输出（默认且唯一的格式）')
    .action(async () => {
      const { runRequestDue } = await import('./request-cli.ts');
      status = await runRequestDue(io);
    });
  program
    .command('fee')
    .description('信息处理费（国办函〔2020〕109号）：--items N 为同一申请人一个自然月 N 件的合计，--pages N 为一件 N 页的费用（元）')
    .option('--items <n>', '按件：同一申请人一个自然月内的申请件数')
    .option('--pages <n>', '按量：一件申请的页数')
    .option('--json', '以 JSON 输出 {"yuan":N,"bands":[…]}')
    .action(async (opts: { items?: string; pages?: string; json?: boolean }) => {
      const { runFee } = await import('./request-cli.ts');
      status = runFee(opts, io);
    });
  program
    .command('audit')
    .description('审计日志')
    .command('verify')
    .description('校验哈希链，及数据目录中的库外锚点（audit-anchors.jsonl）')
    .action(async () => {
      const cli = await io.open();
      try {
        const v = await verifyAudit(cli.database.db, readAuditAnchors(anchorFile(cli.config.dataDir)));
        if (v.ok) io.out(`audit ok (${v.rows} rows, ${v.anchors} anchors)\n`);
        else {
          io.out(`audit broken at row ${v.brokenId}: ${v.reason}\n`);
          status = 1;
        }
      } finally {
        await cli.close();
      }
    });
  program
    .command('plan')
    .description('任务分工')
    .command('import <file>')
    .description('导入任务分工（.docx/.xlsx/.txt）为草稿；--dry-run 只解析不写入')
    .option('--year <year>', '年度（标题中没有年度时）')
    .option('--dry-run', '只解析、打印，不写入')
    .option('--json', '以 JSON 输出到标准输出')
    .option('--as <username>', '以哪个账号导入（默认 admin）')
    .action(async (file: string, opts) => {
      const { runPlanImport } = await import('./plan-cli.ts');
      status = await runPlanImport(file, opts, io);
    });
  program
    .command('report')
    .description('年度报告')
    .command('annual')
    .description('按数据计算某机关某年度的政府信息公开工作年度报告表格')
    .requiredOption('--agency <name>', '机关（全称或简称）')
    .requiredOption('--year <year>', '年度')
    .option('--json', '以 JSON 输出到标准输出')
    .option('--docx <file>', '写出 Word 年度报告')
    .action(async (opts) => {
      const { runReportAnnual } = await import('./report-cli.ts');
      status = await runReportAnnual(opts, io);
    });
  const requests = program.command('requests').description('依申请公开台账');
  requests
    .command('import <file>')
    .description('导入往年依申请公开台账（.xlsx/.csv，表头：编号,受理机关,申请人类型,收到日期,办结日期,办理结果）')
    .option('--as <username>', '以哪个账号导入（默认 admin）')
    .action(async (file: string, opts) => {
      const { runLedgerImport } = await import('./report-cli.ts');
      status = await runLedgerImport('cases', file, opts, io);
    });
  requests
    .command('import-reviews <file>')
    .description('导入行政复议、行政诉讼记录（表头：编号,机关,类型,提起日期,结果,结果日期）')
    .option('--as <username>', '以哪个账号导入（默认 admin）')
    .action(async (file: string, opts) => {
      const { runLedgerImport } = await import('./report-cli.ts');
      status = await runLedgerImport('reviews', file, opts, io);
    });
  const qa = program.command('qa').description('政策咨询问答库');
  qa.command('import <file>')
    .description('导入问答库（.xlsx 或 TSV，表头至少含 id、question、answer；variants 列每行一个相似问法）')
    .option('--replace', '先停用全部原有条目')
    .option('--as <username>', '以哪个账号导入（默认 admin）')
    .action(async (file: string, opts) => {
      const { runQaImport } = await import('./qa-cli.ts');
      status = await runQaImport(file, opts, io);
    });
  qa.command('match')
    .description('从标准输入逐行读取问题，每行输出一条匹配结果')
    .option('--json', '每个问题输出一行 JSON')
    .action(async (opts) => {
      const { runQaMatch } = await import('./qa-cli.ts');
      status = await runQaMatch(opts, io);
    });
  const pii = program.command('pii').description('个人信息检测');
  pii
    .command('scan <file>')
    .description('扫描 .txt 或 .docx 中的个人信息')
    .option('--json', '以 JSON 输出')
    .allowUnknownOption(false)
    .action(async (file: string, opts: { json?: boolean }) => {
      const { runPiiScanCli } = await import('../modules/catalog/pii/cli.ts');
      status = await runPiiScanCli([file, ...(opts.json ? ['--json'] : [])]);
    });

  try {
    await program.parseAsync(argv.length ? argv : ['serve'], { from: 'user' });
  } catch (err) {
    return reportError(err, io);
  }
  return status;
}

function reportError(err: unknown, io: CliIo): number {
  if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
  if (err instanceof ConfigError) io.err(err.message);
  else if (err instanceof AppError) io.err(`错误（${err.code}）：${err.message}`);
  else if (err instanceof ZodError) io.err(`输入有误：${err.issues.map((i) => i.message).join('；')}`);
  else if (err instanceof DataDirLockedError) io.err(err.message);
  else io.err(err instanceof Error ? (err.stack ?? err.message) : String(err));
  return 1;
}

async function serve(): Promise<number> {
  const config = loadConfig();
  const { startServer } = await import('../main.ts');
  const running = await startServer(config);
  console.error(`Gongkai 已启动：${running.url}/ （管理端 ${running.url}/admin/，接口文档 ${running.url}/api/docs）数据库：${running.database.kind}`);
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      console.error(`收到 ${signal}，正在停止：不再接受新请求，处理完进行中的请求后关闭数据库……`);
      running.stop().then(resolve, (err) => {
        console.error(err);
        resolve();
      });
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  });
  console.error('已停止。');
  return 0;
}

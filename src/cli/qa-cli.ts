import fs from 'node:fs';
import path from 'node:path';
import { importEntries } from '../modules/qa/import-entries.ts';
import { libraryIndex, setLibraryHome } from '../modules/qa/library-index.ts';
import { cliActor } from './cli-actor.ts';
import type { CliIo } from './cli-io.ts';

/** A bank file is a few MB; anything much larger is the wrong file. */
const MAX_BANK_BYTES = 100 * 1024 * 1024;

/** `qa import FILE [--replace]`: loads a bank on behalf of the office's administrator (or --as). */
export async function runQaImport(file: string, opts: { replace?: boolean; as?: string }, io: CliIo): Promise<number> {
  const full = path.resolve(io.cwd, file);
  if (!fs.existsSync(full) || !fs.statSync(full).isFile()) {
    io.err(`文件不存在：${file}`);
    return 2;
  }
  if (fs.statSync(full).size > MAX_BANK_BYTES) {
    io.err(`文件超过 ${MAX_BANK_BYTES / 1024 / 1024} MB`);
    return 2;
  }
  const data = fs.readFileSync(full);
  const cli = await io.open();
  try {
    const { db } = cli.database;
    const actor = await cliActor(db, opts.as, io);
    if (!actor) return 1;
    const report = await importEntries({ db, actor, ip: 'cli' }, data, { replace: !!opts.replace });
    io.err(`imported ${report.imported} entries`);
    if (report.retired) io.err(`（先停用了 ${report.retired} 条原有条目；新建 ${report.created} 条，更新 ${report.updated} 条）`);
    return 0;
  } finally {
    await cli.close();
  }
}

const round = (n: number) => Math.round(n * 10000) / 10000;

/** `qa match --json`: one question per stdin line → one JSON line each, in order. */
export async function runQaMatch(opts: { json?: boolean }, io: CliIo): Promise<number> {
  const cli = await io.open();
  try {
    setLibraryHome(cli.database.db, cli.config);
    const index = libraryIndex(cli.database.db);
    const matcher = await index.current();
    for await (const line of io.stdinLines()) {
      const q = line.replace(/\r$/u, '');
      const r = matcher.match(q.slice(0, 2000), { limit: 10 });
      const ranked = r.ranked.map((c) => index.publicId(c.entryId));
      const answered = r.decision === 'answer' && r.answerId !== null;
      const out = { q, ranked, answered, answerId: answered ? index.publicId(r.answerId!) : null, score: round(r.score), margin: round(r.margin) };
      if (opts.json) io.out(`${JSON.stringify(out)}\n`);
      else io.out(`${answered ? '答' : r.decision === 'suggest' ? '荐' : '登'}\t${out.score}\t${ranked.slice(0, 3).join(',')}\t${q}\n`);
    }
    return 0;
  } finally {
    await cli.close();
  }
}

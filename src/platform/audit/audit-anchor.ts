import fs from 'node:fs';
import path from 'node:path';
import { desc } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditLog } from '../../db/schema/index.ts';

/** The head of the audit chain at one moment, kept outside the database. */
export interface AuditAnchor {
  id: number;
  hash: string;
  at: string;
}

/**
 * Where the server keeps its anchors: beside the data, on the application server's own disk. On
 * PostgreSQL, DATA_DIR holds no database and may not exist yet (it is created at the first write);
 * several processes sharing one DATA_DIR (as they share DATA_DIR/files) append to the one file,
 * each anchor a single short line written with O_APPEND, so `audit verify` reads all of them.
 */
export const anchorFile = (dataDir: string) => path.join(dataDir, 'audit-anchors.jsonl');

/**
 * The hash chain shows any edit or removal inside the log, but not the newest rows removed, nor a
 * chain recomputed from an altered row onwards — both open to whoever owns the database. So the
 * server writes the chain's head, when it has moved, to a file outside the database (one JSON line,
 * synced to disk); `verifyAudit` then requires every anchored row to be there with the same hash.
 * Returns the anchor written, or null when the head had not moved since `last`.
 */
export async function writeAuditAnchor(db: Db, file: string, last: AuditAnchor | null): Promise<AuditAnchor | null> {
  const [head] = await db.select({ id: auditLog.id, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  if (!head || (last && last.id === head.id && last.hash === head.hash)) return null;
  const anchor: AuditAnchor = { id: head.id, hash: head.hash, at: new Date().toISOString() };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'a', 0o600);
  try {
    fs.writeSync(fd, `${JSON.stringify(anchor)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return anchor;
}

/**
 * The anchors in the file, oldest first (none when there is no file). A last line cut short (the
 * server stopped while writing it) is left out; any other line that is not an anchor is an error,
 * since nobody but the server writes the file.
 */
export function readAuditAnchors(file: string): AuditAnchor[] {
  if (!fs.existsSync(file)) return [];
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const anchors: AuditAnchor[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let a: Partial<AuditAnchor> | null = null;
    try {
      a = JSON.parse(line);
    } catch {
      if (i === lines.length - 1) return;
    }
    if (!a || !Number.isInteger(a.id) || typeof a.hash !== 'string' || !/^[0-9a-f]{64}$/.test(a.hash) || typeof a.at !== 'string')
      throw new Error(`审计锚点文件第 ${i + 1} 行无法识别（${file}）`);
    anchors.push(a as AuditAnchor);
  });
  return anchors;
}

/**
 * Keeps the anchor file current while the server runs: every `everyMs` (and once more at stop).
 * Each anchor written is also reported (the server logs it: collected logs are a second copy
 * outside the database). Failures are reported, never thrown: the log itself stays in the database.
 */
export function startAuditAnchoring(
  db: Db,
  dataDir: string,
  report: { error: (err: unknown) => void; written?: (anchor: AuditAnchor) => void },
  everyMs = 60_000,
) {
  const file = anchorFile(dataDir);
  let last: AuditAnchor | null = null;
  try {
    last = readAuditAnchors(file).at(-1) ?? null;
  } catch (err) {
    report.error(err);
  }
  let running: Promise<void> = Promise.resolve();
  const tick = () =>
    (running = running.then(async () => {
      try {
        const written = await writeAuditAnchor(db, file, last);
        if (written) {
          last = written;
          report.written?.(written);
        }
      } catch (err) {
        report.error(err);
      }
    }));
  const timer = setInterval(tick, everyMs);
  timer.unref();
  void tick();
  return {
    /** Writes a last anchor and stops; call before closing the database. */
    stop: async () => {
      clearInterval(timer);
      await tick();
    },
  };
}

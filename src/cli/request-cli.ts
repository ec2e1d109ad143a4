import { loadConfig } from '../config.ts';
import { AppError } from '../platform/errors.ts';
import { computeDue, DEFAULT_CLOCK_SETTINGS, parseClockEvents } from '../modules/requests/clock/compute-due.ts';
import { feeByItems, feeByPages } from '../modules/requests/fees/compute-fee.ts';
import { calendarForCli } from './calendar-cli.ts';
import type { CliIo } from './cli-io.ts';

const MAX_LINE = 64 * 1024;

/**
 * `request due --json`: one JSON object per stdin line `{"events":[…]}`, one JSON line out each —
 * `{"due","countFrom","pausedDays","extendedDays"}` or `{"error","message"}` for that line.
 * The clock is the server's (modules/requests/clock/compute-due.ts).
 */
export async function runRequestDue(io: CliIo): Promise<number> {
  const calendar = await calendarForCli(io);
  let settings = DEFAULT_CLOCK_SETTINGS;
  try {
    settings = { feePausesClock: loadConfig().REQUEST_FEE_PAUSES_CLOCK };
  } catch {
    // a wrong unrelated setting does not stop a pure computation; the default applies
  }
  let status = 0;
  const out: string[] = [];
  for await (const raw of io.stdinLines()) {
    const line = raw.trim();
    if (!line) continue;
    try {
      if (line.length > MAX_LINE) throw new AppError('invalid', 'line_too_long', `一行不能超过 ${MAX_LINE} 个字符`);
      let obj: unknown;
      try {
        obj = JSON.parse(line);
      } catch {
        throw new AppError('invalid', 'invalid_json', '该行不是合法的 JSON');
      }
      if (!obj || typeof obj !== 'object' || Array.isArray(obj)) throw new AppError('invalid', 'invalid_json', '每行应为一个 JSON 对象 {"events":[…]}');
      const r = computeDue(parseClockEvents((obj as { events?: unknown }).events), calendar, settings);
      out.push(
        JSON.stringify(
          r.awaitingCorrection
            ? { due: null, countFrom: null, pausedDays: r.pausedDays, extendedDays: r.extendedDays, awaiting: 'correction', correctionWindowEnds: r.correctionWindowEnds }
            : { due: r.due, countFrom: r.countFrom, pausedDays: r.pausedDays, extendedDays: r.extendedDays },
        ),
      );
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      out.push(JSON.stringify({ error: err.code, message: err.message }));
      status = 1;
    }
    if (out.length >= 1000) io.out(out.splice(0).join('\n') + '\n');
  }
  if (out.length) io.out(out.join('\n') + '\n');
  return status;
}

/** `fee --items N` / `fee --pages N` [--json]: a bare integer (yuan), or `{"yuan","bands"}`. */
export function runFee(opts: { items?: string; pages?: string; json?: boolean }, io: CliIo): number {
  try {
    if ((opts.items === undefined) === (opts.pages === undefined)) {
      throw new AppError('invalid', 'fee_basis', '请给出 --items N（按件）或 --pages N（按量）中的一个：同一申请不能既按件又按量收费');
    }
    const raw = (opts.items ?? opts.pages) as string;
    if (!/^\d{1,9}$/.test(raw)) throw new AppError('invalid', 'invalid_count', `应为非负整数，收到“${raw}”`);
    const fee = opts.items !== undefined ? feeByItems(Number(raw)) : feeByPages(Number(raw));
    io.out(opts.json ? `${JSON.stringify({ yuan: fee.yuan, bands: fee.bands })}\n` : `${fee.yuan}\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    if (opts.json) io.out(`${JSON.stringify({ error: err.code, message: err.message })}\n`);
    io.err(`错误（${err.code}）：${err.message}`);
    return 1;
  }
}

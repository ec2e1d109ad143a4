import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { PiiScanError } from './errors.ts';
import { MSG, PII_TYPE_LABELS } from './messages.ts';
import { scanFile } from './scan-file.ts';
import type { PiiFinding } from './types.ts';

export interface CliIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

/** Display width in a terminal: CJK and full-width characters take two columns. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000
      ? 2
      : 1;
  }
  return w;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

/** Invisible and control characters are shown as \uXXXX, so a disguised value is visible as such. */
function visible(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff]/g, (c) =>
    `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** 1-based line and column (in characters) of an offset, for people reading the table. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function renderTable(file: string, text: string, findings: PiiFinding[]): string {
  const lines = [MSG.summary(file, text.length, findings.length)];
  if (findings.length === 0) return lines.join('\n') + '\n';
  const rows: string[][] = findings.map((f, i) => {
    const { line, column } = lineAndColumn(text, f.start);
    return [String(i + 1), PII_TYPE_LABELS[f.type], MSG.position(line, column), visible(f.value), f.masked];
  });
  const header = [...MSG.tableHeader];
  const widths = header.map((h, c) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c]))));
  const fmt = (r: string[]) => r.map((cell, c) => (c === r.length - 1 ? cell : pad(cell, widths[c]))).join('  ');
  lines.push(fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt));
  return lines.join('\n') + '\n';
}

/**
 * `gongkai pii scan FILE [--json]`; `argv` holds the arguments after `pii scan`.
 * Returns the exit status: 0 after a scan (whether or not anything was found), 2 when the
 * arguments are wrong or the file is missing, unreadable or of an unsupported kind.
 */
export async function runPiiScanCli(
  argv: string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  let json = false;
  const files: string[] = [];
  for (const arg of argv) {
    if (arg === '--json') json = true;
    else if (arg === '-h' || arg === '--help') {
      io.stdout.write(MSG.usage + '\n');
      return 0;
    } else if (arg.startsWith('-') && arg !== '-') {
      io.stderr.write(`${MSG.unknownOption(arg)}\n${MSG.usage}\n`);
      return 2;
    } else files.push(arg);
  }
  if (files.length === 0) {
    io.stderr.write(`${MSG.missingFile}\n${MSG.usage}\n`);
    return 2;
  }
  if (files.length > 1) {
    io.stderr.write(`${MSG.tooManyFiles}\n${MSG.usage}\n`);
    return 2;
  }

  const file = files[0];
  let buf: Buffer;
  try {
    if (!(await stat(file)).isFile()) {
      io.stderr.write(MSG.notAFile(file) + '\n');
      return 2;
    }
    buf = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    io.stderr.write((code === 'ENOENT' ? MSG.fileNotFound(file) : MSG.readFailed(file, code ?? String(err))) + '\n');
    return 2;
  }

  try {
    const { text, findings } = await scanFile(buf, path.basename(file));
    if (json) {
      const out = findings.map(({ start, end, type, value, masked }) => ({ start, end, type, value, masked }));
      io.stdout.write(JSON.stringify({ findings: out }) + '\n');
    } else {
      io.stdout.write(renderTable(file, text, findings));
    }
    return 0;
  } catch (err) {
    if (err instanceof PiiScanError) {
      io.stderr.write(err.message + '\n');
      return 2;
    }
    io.stderr.write(MSG.scanFailed(err instanceof Error ? err.message : String(err)) + '\n');
    return 1;
  }
}

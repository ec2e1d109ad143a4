import { chineseNumber } from './numbering.ts';

/**
 * The plan's facts from the cover notice and the table's caption: title, issuer, issue date and
 * document number. Only stand-alone lines count: a number cited inside a sentence
 * (`（渝府办发〔2021〕50号）精神`) is the document being implemented, not this notice's number.
 */

export interface CoverFacts {
  title: string | null;
  issuer: string | null;
  issueDate: string | null;
  docNumber: string | null;
  /** The year written in the title (渝中区2021年…). */
  titleYear: number | null;
}

const DATE_LINE = /^(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日$/u;
const DOC_NUMBER_LINE = /^[\u4e00-\u9fa5]{1,15}\s*[〔［[（(]\s*\d{4}\s*[〕］\]）)]\s*\d{1,4}\s*号$/u;
const ISSUER_LINE = /^[\u4e00-\u9fa5（）]{4,40}(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|委员会|管理委员会|局|委|办)$/u;
const TITLE_WORDS = /任务分工|工作要点|分工方案|责任分工|实施方案|工作方案|台账|清单|计划/u;

/** Word's text export and copy-paste leave these; they are not part of the notice. */
function isNoise(line: string): boolean {
  return /^\[bookmark:[^\]]*\]$/u.test(line) || /^[（(]此件(?:公开发布|主动公开|不予公开)[）)]$/u.test(line);
}

export function coverLines(coverText: string): string[] {
  return coverText
    .split(/\r?\n/u)
    .map((l) => l.replace(/[\s\u3000\u00a0]+/gu, ' ').trim())
    .filter((l) => l.length > 0 && !isNoise(l));
}

function isoFromLine(m: RegExpExecArray): string | null {
  const [y, mo, d] = [chineseNumber(m[1]), chineseNumber(m[2]), chineseNumber(m[3])];
  if (y === null || mo === null || d === null || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function parseCover(coverText: string): CoverFacts {
  const lines = coverLines(coverText);
  const compact = lines.map((l) => l.replace(/\s+/gu, ''));

  let issueDate: string | null = null;
  let dateIndex = -1;
  compact.forEach((l, i) => {
    const m = DATE_LINE.exec(l);
    if (m && issueDate === null) {
      issueDate = isoFromLine(m);
      dateIndex = i;
    }
  });

  // The signature just above the date is the issuer; the letterhead on the first line is next best.
  let issuer: string | null = null;
  if (dateIndex > 0 && ISSUER_LINE.test(compact[dateIndex - 1])) issuer = compact[dateIndex - 1];
  else if (compact.length > 0 && ISSUER_LINE.test(compact[0])) issuer = compact[0];

  const docNumber = compact.find((l) => DOC_NUMBER_LINE.test(l)) ?? null;

  // The table's caption (last title-like line before the table), else the name inside 关于印发《…》的通知.
  let title: string | null = null;
  for (let i = compact.length - 1; i >= 0 && title === null; i--) {
    const l = compact[i];
    if (TITLE_WORDS.test(l) && l.length <= 60 && !/^关于/u.test(l) && !/[，。；：]/u.test(l)) title = l;
  }
  if (title === null) {
    for (const l of compact) {
      const m = /^关于印发《(.+?)》的通知$/u.exec(l);
      if (m) {
        title = m[1];
        break;
      }
    }
  }
  title ??=
    compact.find(
      (l) => l.length <= 60 && !/[，。；：]/u.test(l) && ![DATE_LINE, ISSUER_LINE, DOC_NUMBER_LINE].some((re) => re.test(l)),
    ) ?? null;

  const yearMatch = title ? /((?:19|20)\d{2})\s*年/u.exec(title) : null;
  return { title, issuer, issueDate, docNumber, titleYear: yearMatch ? Number(yearMatch[1]) : null };
}

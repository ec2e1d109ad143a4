import { itemNumberLength } from './numbering.ts';
import { splitOutsideBrackets } from './split-outside-brackets.ts';

/**
 * Reads `（公开路径：1．政府网站>政府信息公开>…>预算/决算，2．其他渠道）` into catalog column paths and
 * other channels. Paths drop the leading 政府网站 (the portal is the root of the catalog tree) but
 * keep 部门网页, which names a unit's own sub-site.
 */

export interface DisclosureChannels {
  paths: string[][];
  otherChannels: string[];
}

const PATH_SEP = /[>＞]/u;
const SITE_ROOT = /^(?:区?政府(?:门户)?网站|门户网站)$/u;

/** 政府网站 is the root of the catalog tree, so paths start below it. */
export const isSiteRoot = (segment: string) => SITE_ROOT.test(segment);

/** The text after each `公开路径：`, up to the bracket that closes it (nested brackets kept). */
export function findPathSections(text: string): string[] {
  const sections: string[] = [];
  const re = /公开路径\s*[：:]/gu;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    let depth = 0;
    let end = m.index + m[0].length;
    for (; end < text.length; end++) {
      const ch = text[end];
      if (ch === '（' || ch === '(') depth++;
      else if (ch === '）' || ch === ')') {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && (ch === '。' || ch === '\n')) break;
    }
    sections.push(text.slice(m.index + m[0].length, end));
  }
  return sections;
}

/** `预算/决算` is two columns; `“六稳”“六保”` stays one (quotes are part of the column's name). */
function expand(segments: string[]): string[][] {
  let paths: string[][] = [[]];
  for (const segment of segments) {
    const options = segment
      .split(/[/／]/u)
      .map((o) => o.trim())
      .filter((o) => o.length > 0);
    paths = paths.flatMap((p) => options.map((o) => [...p, o]));
  }
  return paths;
}

function stripEnd(s: string): string {
  return s.trim().replace(/[。.；;，,、\s]+$/u, '');
}

export function parseDisclosurePaths(text: string): DisclosureChannels {
  const paths: string[][] = [];
  const otherChannels: string[] = [];
  const seen = new Set<string>();
  for (const section of findPathSections(text)) {
    for (const raw of splitOutsideBrackets(section, /[，,；;]/u)) {
      const alt = stripEnd(raw.slice(itemNumberLength(raw)));
      if (!alt) continue;
      if (PATH_SEP.test(alt)) {
        const segments = alt.split(PATH_SEP).map(stripEnd).filter((s) => s.length > 0);
        if (segments.length > 0 && isSiteRoot(segments[0])) segments.shift();
        for (const path of expand(segments)) {
          const key = path.join('>');
          if (path.length > 0 && !seen.has(key)) {
            seen.add(key);
            paths.push(path);
          }
        }
      } else {
        // `政务新媒体、…等其他适合的公开渠道（以下简称其他渠道）` is what later rows call 其他渠道.
        const short = /以下简称[“"]?([^）)”"]+)[”"]?[）)]/u.exec(alt);
        const channel = stripEnd(short ? short[1] : alt);
        if (channel && !otherChannels.includes(channel)) otherChannels.push(channel);
      }
    }
  }
  return { paths, otherChannels };
}

/**
 * Detectors run on a normalised copy of the text so that disguised values are still found:
 * full-width letters and digits become ASCII, odd spaces and dashes become plain ones, and
 * invisible characters (zero-width space/joiner, soft hyphen, bidi marks …) are dropped.
 * Each normalised character comes from exactly one original UTF-16 unit, so an offset map
 * of one int per character is enough to report findings in the original string.
 */

export interface NormalizedText {
  /** The text detectors read. */
  text: string;
  /** Maps a [start, end) range of `text` back to the original string. */
  toOriginal(start: number, end: number): { start: number; end: number };
}

/** Characters that render as nothing; removing them defeats "500103\u200B1990…" tricks. */
function isInvisible(c: number): boolean {
  return (
    c === 0x00ad || // soft hyphen
    c === 0x034f || // combining grapheme joiner
    c === 0x061c || // arabic letter mark
    c === 0x180e || // mongolian vowel separator
    (c >= 0x200b && c <= 0x200f) || // zero-width space/non-joiner/joiner, LRM, RLM
    (c >= 0x202a && c <= 0x202e) || // bidi embeddings and overrides
    (c >= 0x2060 && c <= 0x2064) || // word joiner, invisible operators
    (c >= 0x2066 && c <= 0x206f) || // bidi isolates, deprecated format characters
    (c >= 0xfe00 && c <= 0xfe0f) || // variation selectors
    c === 0xfeff // BOM / zero-width no-break space
  );
}

/** The replacement for a visible character, or -1 when it stays as it is. */
function replacementFor(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0; // full-width ASCII block
  if (c === 0x3000 || c === 0x00a0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f) {
    return 0x20; // ideographic, no-break and typographic spaces
  }
  if ((c >= 0x2010 && c <= 0x2013) || c === 0x2212 || c === 0xfe58 || c === 0xfe63) {
    return 0x2d; // hyphens, en dash, minus sign (em dash stays: it is Chinese punctuation)
  }
  if (c === 0x30fb || c === 0xff65 || c === 0x2022 || c === 0x2027 || c === 0x2219) {
    return 0x00b7; // middle-dot look-alikes, as in 渝A·12345
  }
  return -1;
}

function needsWork(c: number): boolean {
  return c >= 0xa0 && (isInvisible(c) || replacementFor(c) !== -1);
}

const CHUNK = 0x2000;

function decode(units: Uint16Array, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += CHUNK) {
    out += String.fromCharCode.apply(null, units.subarray(i, Math.min(i + CHUNK, length)) as unknown as number[]);
  }
  return out;
}

export function normalizeText(original: string): NormalizedText {
  const n = original.length;
  let first = -1;
  for (let i = 0; i < n; i++) {
    if (needsWork(original.charCodeAt(i))) {
      first = i;
      break;
    }
  }
  // Most documents need nothing: skip the copy and the map.
  if (first === -1) {
    return { text: original, toOriginal: (start, end) => ({ start, end }) };
  }

  const units = new Uint16Array(n);
  const map = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const c = original.charCodeAt(i);
    if (i >= first && c >= 0xa0) {
      if (isInvisible(c)) continue;
      const r = replacementFor(c);
      units[k] = r === -1 ? c : r;
    } else {
      units[k] = c;
    }
    map[k] = i;
    k++;
  }
  const text = decode(units, k);
  return {
    text,
    toOriginal(start, end) {
      if (end <= start) {
        const at = start < k ? map[start] : n;
        return { start: at, end: at };
      }
      // end maps to just after the last kept unit, so invisible characters that trail
      // a value stay outside it while those inside it are covered.
      return { start: map[start], end: map[end - 1] + 1 };
    },
  };
}

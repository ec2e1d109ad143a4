import { invalid } from '../../../platform/errors.ts';

/**
 * Processing fees under 国办函〔2020〕109号 (shared/domain/ogi-rules.md §3). Each application is
 * charged either by number or by volume, never both (a case records one basis), progressively.
 *
 * By number (按件), per applicant per calendar month: 1st–10th free; 11th–30th 100元 each; from the
 * 31st each further band of 10 costs 100元 more per item (31–40: 200, 41–50: 300, …).
 * By volume (按量), per application: pages 1–30 free; 31–100 10元; 101–200 20元; 201 and up 40元.
 */

export type FeeBasis = 'items' | 'pages';
export interface FeeBand {
  /** First and last item / page of the band (inclusive). */
  from: number;
  to: number;
  count: number;
  /** 元 per item or page in this band. */
  unitYuan: number;
  yuan: number;
}
export interface Fee {
  basis: FeeBasis;
  yuan: number;
  bands: FeeBand[];
}

export const MAX_FEE_ITEMS = 10_000;
export const MAX_FEE_PAGES = 1_000_000;

/** The per-item price of the n-th application of one applicant in one calendar month. */
export function itemPrice(n: number): number {
  if (n <= 10) return 0;
  if (n <= 30) return 100;
  return 100 * (2 + Math.floor((n - 31) / 10));
}

/** The bands by number: [from, to, unit price], the last open-ended band cut at n. */
function itemBands(n: number): [number, number, number][] {
  const out: [number, number, number][] = [
    [1, 10, 0],
    [11, 30, 100],
  ];
  for (let from = 31; from <= n; from += 10) out.push([from, from + 9, itemPrice(from)]);
  return out;
}
const PAGE_BANDS: [number, number, number][] = [
  [1, 30, 0],
  [31, 100, 10],
  [101, 200, 20],
  [201, Number.MAX_SAFE_INTEGER, 40],
];

function check(n: unknown, max: number, what: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw invalid('invalid_count', `${what}应为非负整数，收到“${String(n)}”`);
  if (n > max) throw invalid('count_too_large', `${what}不能超过 ${max}`);
  return n;
}

function charge(basis: FeeBasis, n: number, bands: [number, number, number][]): Fee {
  const out: FeeBand[] = [];
  for (const [from, to, unit] of bands) {
    if (from > n) break;
    const last = Math.min(to, n);
    const count = last - from + 1;
    out.push({ from, to: last, count, unitYuan: unit, yuan: count * unit });
  }
  return { basis, yuan: out.reduce((s, b) => s + b.yuan, 0), bands: out };
}

/** Total for one applicant's n applications in one calendar month (按件). */
export function feeByItems(n: number): Fee {
  return charge('items', check(n, MAX_FEE_ITEMS, '申请件数'), itemBands(n));
}

/** Fee for one application of n pages (按量). */
export function feeByPages(n: number): Fee {
  return charge('pages', check(n, MAX_FEE_PAGES, '页数'), PAGE_BANDS);
}

/**
 * The fee of one application charged by number: the price of its position in the applicant's
 * month (the n-th application costs itemPrice(n)); the monthly total is feeByItems.
 */
export const feeForNthItem = (n: number) => itemPrice(check(n, MAX_FEE_ITEMS, '申请序号'));

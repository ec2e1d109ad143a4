import { z } from 'zod';

/** Control characters other than line feed and tab; also bidi overrides and zero-width marks used to hide text. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * Cleans one public text field: Unicode NFC, CR LF → LF, control and invisible formatting
 * characters removed, tabs to spaces, at most two blank lines in a row, trimmed; a one-line field
 * also loses its line breaks. HTML is kept as the person typed it — it is text, shown escaped
 * (React escapes; never put it in innerHTML), never sanitised into markup.
 */
export function cleanPublicText(raw: string, opts: { multiline?: boolean } = {}): string {
  let s = raw.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL, '').replace(/\t/g, ' ');
  s = opts.multiline ? s.replace(/\n{3,}/g, '\n\n') : s.replace(/\n+/g, ' ');
  return s.trim();
}

/**
 * A zod schema for a public text field: cleaned (above), then bounded; messages in Chinese with
 * the field's label. The raw input is refused past 4× `max` before cleaning, so cleaning is bounded.
 */
export function publicText(label: string, opts: { min?: number; max: number; multiline?: boolean }) {
  const min = opts.min ?? 1;
  return z
    .string({ error: `请填写${label}` })
    .max(opts.max * 4, `${label}不能超过 ${opts.max} 个字`)
    .transform((s) => cleanPublicText(s, opts))
    .pipe(
      z
        .string()
        .min(min, min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`)
        .max(opts.max, `${label}不能超过 ${opts.max} 个字`),
    );
}

/** An optional public text field: empty or blank becomes undefined. */
export function optionalPublicText(label: string, opts: { max: number; multiline?: boolean }) {
  return z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), publicText(label, { ...opts, min: 1 }).optional());
}

/** A mainland mobile or landline (区号-号码, optional extension), spaces and hyphens allowed. */
export const publicPhone = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v;
    const s = v.replace(/\s+/g, '').replace(/[－—–]/g, '-').replace(/^\+86-?/, '').replace(/^86(?=1[3-9]\d{9}$)/, '');
    if (s === '') return undefined;
    // a mobile number written in groups (138-0000-1111) is stored as its 11 digits
    return /^1[3-9]\d-?\d{4}-?\d{4}$/.test(s) ? s.replace(/-/g, '') : s;
  },
  z
    .string()
    .max(30, '电话号码过长')
    .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|\d{7,8}|[48]00-?\d{3}-?\d{4}|1\d{4})$/, '电话号码格式不正确（手机 11 位，或 区号-号码）')
    .optional(),
);

/** An e-mail address, bounded. */
export const publicEmail = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim()) : v),
  z.string().max(254, '电子邮箱过长').email('电子邮箱格式不正确').optional(),
);

import { z } from 'zod';

/**
 * 机构代码: the code an agency's 索引号 begins with — its 统一社会信用代码 (18 characters, GB 32100-2015)
 * or its 组织机构代码 (9 characters, GB 11714-1997, often written 00935934-7). Entered by the office in
 * 单位管理; stored without spaces or the hyphen, in capitals, after both check characters are verified,
 * so a mistyped code is refused here and never printed on a published document.
 */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The check character of a 组织机构代码's eight-character body (GB 11714). */
export function orgCodeCheck(body: string): string {
  const sum = [...body].reduce((s, ch, i) => s + parseInt(ch, 36) * ORG_WEIGHTS[i], 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** The check character of a 统一社会信用代码's first seventeen characters (GB 32100). */
export function usccCheck(head: string): string {
  const sum = [...head].reduce((s, ch, i) => s + USCC_CHARS.indexOf(ch) * USCC_WEIGHTS[i], 0);
  return USCC_CHARS[(31 - (sum % 31)) % 31];
}

/** Why `code` (already normalised) is not an agency code, or null when it is one. */
export function agencyCodeProblem(code: string): string | null {
  if (code.length === 18) {
    if (![...code].every((ch) => USCC_CHARS.includes(ch))) return '统一社会信用代码只含数字和大写字母（不含 I、O、Z、S、V）';
    if (!/^[0-9][0-9]\d{6}[0-9A-Z]{9}/.test(code)) return '统一社会信用代码格式不正确';
    if (orgCodeCheck(code.slice(8, 16)) !== code[16] || usccCheck(code.slice(0, 17)) !== code[17]) return '统一社会信用代码校验位不符，请核对';
    return null;
  }
  if (code.length === 9) {
    if (!/^[0-9A-Z]{8}[0-9X]$/.test(code)) return '组织机构代码为 8 位数字或大写字母加 1 位校验码';
    if (orgCodeCheck(code.slice(0, 8)) !== code[8]) return '组织机构代码校验码不符，请核对';
    return null;
  }
  return '机构代码应为 18 位统一社会信用代码或 9 位组织机构代码';
}

/** Spaces and the hyphen of 00935934-7 dropped, letters in capitals. */
export const normalizeAgencyCode = (raw: string) => raw.replace(/[\s\-－—]/g, '').toUpperCase();

/** The code as a unit's form sends it: empty means none. */
export const agencyCodeInput = z
  .string()
  .transform(normalizeAgencyCode)
  .superRefine((code, ctx) => {
    const problem = code ? agencyCodeProblem(code) : null;
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((code) => code || null);

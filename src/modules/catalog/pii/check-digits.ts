/** Check-digit and structure rules for the numbers the scanner must tell apart. */

// GB 11643-1999: weights 2^(17-i) mod 11, check = (12 - sum mod 11) mod 11 written as 10X98765432.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** First two digits of a resident ID: the province-level division (GB/T 2260). */
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64',
  '65', '71', '81', '82', '83',
]);

export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

function isValidBirthDate(year: number, month: number, day: number, today: Date): boolean {
  if (year < 1880 || month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return false;
  return Date.UTC(year, month - 1, day) <= today.getTime();
}

/** 18-digit ID: known province, real date of birth not in the future, valid check character. */
export function isValidIdCard18(id: string, today: Date = new Date()): boolean {
  if (!/^[0-9]{17}[0-9Xx]$/.test(id)) return false;
  if (!PROVINCE_CODES.has(id.slice(0, 2))) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (!isValidBirthDate(y, m, d, today)) return false;
  return idCardCheckChar(id) === id[17].toUpperCase();
}

/** Old 15-digit ID (before 1999): province + area, YYMMDD in the 1900s, 3-digit sequence. */
export function isValidIdCard15(id: string): boolean {
  if (!/^[0-9]{15}$/.test(id)) return false;
  if (!PROVINCE_CODES.has(id.slice(0, 2))) return false;
  const y = 1900 + Number(id.slice(6, 8));
  const m = Number(id.slice(8, 10));
  const d = Number(id.slice(10, 12));
  return isValidBirthDate(y, m, d, new Date());
}

/** Luhn (mod 10) over a digit string, as bank card numbers carry it. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

// GB 32100-2015: 31 characters (no I, O, Z, S, V), weights 3^i mod 31, check = 31 - sum mod 31.
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CHARS.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * CREDIT_WEIGHTS[i];
  }
  return CREDIT_CHARS[(31 - (sum % 31)) % 31];
}

/** 统一社会信用代码 with a correct GB 32100 check character. */
export function isValidCreditCode(code: string): boolean {
  if (code.length !== 18) return false;
  const upper = code.toUpperCase();
  const check = creditCodeCheckChar(upper.slice(0, 17));
  return check !== null && check === upper[17];
}

import { surnameLength } from './surnames.ts';
import type { PiiType } from './types.ts';

/**
 * How each kind of value is masked. No national rule fixes these (ogi-rules §5, CONFIGURABLE),
 * so they are settings with the defaults below; pass a partial override to scanText.
 */
export interface MaskConfig {
  /** Character that replaces hidden digits and letters. */
  maskChar: string;
  /** Resident ID: 500103********1234 (length kept). */
  idCardKeepStart: number;
  idCardKeepEnd: number;
  /** Mobile: 138****1234; separators written in the original stay where they were. */
  mobileKeepStart: number;
  mobileKeepEnd: number;
  /** Bank card: only the last digits stay, grouping spaces are kept. */
  bankCardKeepStart: number;
  bankCardKeepEnd: number;
  /** Passport: E******78. */
  passportKeepStart: number;
  passportKeepEnd: number;
  /** E-mail: the first characters of the local part, then `emailLocalMask`, then @domain. */
  emailKeepLocal: number;
  emailLocalMask: string;
  /** Name: the surname stays and each given-name character becomes this (张某, 欧阳某某). */
  nameStandIn: string;
  /** Address: keep the division down to 街道/镇/乡 ('street'), to 区/县 ('district'), or nothing. */
  addressKeepLevel: 'street' | 'district' | 'none';
  /** What replaces the rest of an address. */
  addressTail: string;
  /** Plate: province character and office letter, `plateMiddle`, then the last characters. */
  plateKeepStart: number;
  plateMiddle: string;
  plateKeepEnd: number;
}

export const DEFAULT_MASK_CONFIG: Readonly<MaskConfig> = Object.freeze({
  maskChar: '*',
  idCardKeepStart: 6,
  idCardKeepEnd: 4,
  mobileKeepStart: 3,
  mobileKeepEnd: 4,
  bankCardKeepStart: 0,
  bankCardKeepEnd: 4,
  passportKeepStart: 1,
  passportKeepEnd: 2,
  emailKeepLocal: 1,
  emailLocalMask: '***',
  nameStandIn: '某',
  addressKeepLevel: 'street',
  addressTail: '****',
  plateKeepStart: 2,
  plateMiddle: '***',
  plateKeepEnd: 1,
});

export function resolveMaskConfig(overrides?: Partial<MaskConfig>): MaskConfig {
  return { ...DEFAULT_MASK_CONFIG, ...(overrides ?? {}) };
}

function isSignificant(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * Hides the significant characters (digits, letters) outside the kept head and tail.
 * Spaces and dashes the writer used stay put, so "6222 0212 …" keeps its grouping.
 */
function maskSignificant(value: string, keepStart: number, keepEnd: number, maskChar: string): string {
  let total = 0;
  for (let i = 0; i < value.length; i++) if (isSignificant(value.charCodeAt(i))) total++;
  let seen = 0;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (!isSignificant(value.charCodeAt(i))) {
      out += c;
      continue;
    }
    out += seen < keepStart || seen >= total - keepEnd ? c : maskChar;
    seen++;
  }
  return out;
}

function maskName(value: string, cfg: MaskConfig): string {
  const sl = surnameLength(value);
  return value.slice(0, sl) + cfg.nameStandIn.repeat(Math.max(1, value.length - sl));
}

function maskEmail(value: string, cfg: MaskConfig): string {
  const at = value.lastIndexOf('@');
  return value.slice(0, Math.min(cfg.emailKeepLocal, at)) + cfg.emailLocalMask + value.slice(at);
}

function maskPlate(value: string, cfg: MaskConfig): string {
  const chars = [...value].filter((c) => c !== '·' && c !== '.' && c !== '-' && c !== ' ');
  return chars.slice(0, cfg.plateKeepStart).join('') + cfg.plateMiddle + chars.slice(chars.length - cfg.plateKeepEnd).join('');
}

// 小区, 社区, 园区 … end in 区 but are not districts.
const NOT_DISTRICT_BEFORE = new Set('小社园校景片街城辖厂矿营');

/** The administrative part of an address that may stay visible: …街道/…镇/…乡, else …区/县. */
export function addressKeptPrefix(value: string, level: MaskConfig['addressKeepLevel']): string {
  if (level === 'none') return '';
  // Only the part before the first digit can hold divisions; numbers belong to the street address.
  const firstDigit = value.search(/[0-9]/);
  const head = firstDigit === -1 ? value : value.slice(0, firstDigit);
  if (level === 'street') {
    const street = head.indexOf('街道');
    if (street >= 1) return value.slice(0, street + 2);
    for (let i = 1; i < head.length; i++) {
      const c = head[i];
      // 镇/乡 straight after 区/县 is the start of a road name (镇江路), not a township.
      if ((c === '镇' || c === '乡') && !'区县市'.includes(head[i - 1]) && !'路街道巷'.includes(head[i + 1] ?? '')) {
        return value.slice(0, i + 1);
      }
    }
  }
  for (let i = 1; i < head.length; i++) {
    const c = head[i];
    const prev = head[i - 1];
    // A区 / 二区 inside an estate are blocks, not districts.
    const prevIsName = prev >= '\u4e00' && prev <= '\u9fff' && !'一二三四五六七八九十'.includes(prev);
    if ((c === '区' || c === '县') && prevIsName && !NOT_DISTRICT_BEFORE.has(prev) && !'路街道巷'.includes(head[i + 1] ?? '')) {
      return value.slice(0, i + 1);
    }
  }
  return '';
}

/** The masked form of a value as detectors saw it (normalised text, no invisible characters). */
export function maskValue(type: PiiType, value: string, cfg: MaskConfig): string {
  switch (type) {
    case 'id_card':
      return maskSignificant(value, cfg.idCardKeepStart, cfg.idCardKeepEnd, cfg.maskChar);
    case 'mobile':
      return maskSignificant(value, cfg.mobileKeepStart, cfg.mobileKeepEnd, cfg.maskChar);
    case 'bank_card':
      return maskSignificant(value, cfg.bankCardKeepStart, cfg.bankCardKeepEnd, cfg.maskChar);
    case 'passport':
      return maskSignificant(value, cfg.passportKeepStart, cfg.passportKeepEnd, cfg.maskChar);
    case 'email':
      return maskEmail(value, cfg);
    case 'person_name':
      return maskName(value, cfg);
    case 'address':
      return addressKeptPrefix(value, cfg.addressKeepLevel) + cfg.addressTail;
    case 'plate':
      return maskPlate(value, cfg);
  }
}

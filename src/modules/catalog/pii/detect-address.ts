import {
  clauseBefore,
  isAsciiAlnum,
  isCjk,
  lastMatchEnd,
  OFFICIAL_ADDRESS_CUE_RE,
  PRIVATE_ADDRESS_CUE_RE,
  PRIVATE_ROLE_RE,
} from './context.ts';
import type { Span } from './types.ts';

/**
 * Detailed home addresses. The anchor is the house-number chain (252号, 3栋2单元301室, 3-1),
 * found in one pass; from each chain the detector looks back for the road, street or estate
 * name and for the words that say whose address it is.
 *
 * Flagged only when the address is detailed to a home (栋/幢/单元/室/户, or a floor-door such
 * as 3-1) or follows a private label (住址, 家住, 户籍地, 申请人 …), and never when the nearest
 * label is an agency's (区政府办公室地址：, 办公地址) — agencies publish their own addresses.
 */

const NUM = '[0-9A-Za-z一二三四五六七八九十零〇]{1,6}';
const UNIT = '(?:号楼|号院|号房|号|栋|幢|座|单元|楼|层|室|户)';
const TOKEN = `(?:附|第)?${NUM}(?:-${NUM}){0,3}${UNIT}`;
// A bare floor-door or room after the chain: 2单元3-1, 5栋501.
const TRAIL = '(?:[0-9]{1,4}(?:-[0-9]{1,4}){1,2}|[0-9]{3,4})(?![0-9A-Za-z年月日时元万亿个人次件条项名岁米%])';
const CHAIN_RE = new RegExp(`(?<![0-9A-Za-z])(?:${TOKEN})+(?:${TRAIL})?`, 'g');

// Home detail: a flat's building/unit/room, or a bare floor-door/room after the chain (ends in a digit).
const HOME_LEVEL_RE = /栋|幢|单元|室|户|[0-9]$/;

// The name right before the chain must end like a road, street, estate or village group.
const PLACE_END_RE =
  /(?:路|段|街|大道|巷|胡同|弄|里|(?<!街)道|小区|花园|苑|新村|家园|公寓|大厦|广场|(?<![法医学察究])院|村|组|社|庄|屯|寨|湾|坝|坪|园|城|公馆|(?<!政)府|居|庭|楼|[A-Za-z0-9一二三四五六七八九十][区期])$/;

// Words after which the address itself begins (家住|渝中区…, 位于|人民路…).
const ADDRESS_START_CUE_RE =
  /家庭住址|家庭地址|户籍所在地|户籍地址|户籍地|居住地址|居住地|居住在|居住于|现住址|现住|现居住|现居|住所地|住址|地址|家住|住在|住所|住处|位于|坐落于|地处|设在|户籍|发现|查明|查实|反映|举报|投诉|租用|承租|购买|经营|搭建|开设|住|在|于|至|到|是|为|系|称/g;

const MAX_NAME = 30;

const AGENCY_BLOCK_RE =
  /传真|邮政编码|邮编|受理时间|办公时间|工作时间|受理机构|受理地点|咨询电话|网址|(?<![0-9])0[0-9]{2,3}-?[2-9][0-9]{6,7}(?![0-9])|[(（]0[0-9]{2,3}[)）][2-9][0-9]{6,7}/;

/** The paragraph around an address reads like an agency's contact details, with no private role. */
function isAgencyContactBlock(text: string, start: number, end: number): boolean {
  const from = Math.max(0, text.lastIndexOf('\n', start - 1) + 1, start - 150);
  let to = text.indexOf('\n', end);
  if (to === -1 || to > end + 80) to = Math.min(text.length, end + 80);
  const block = text.slice(from, to);
  return AGENCY_BLOCK_RE.test(block) && !PRIVATE_ROLE_RE.test(block);
}

export function detectAddress(text: string): Span[] {
  const out: Span[] = [];
  CHAIN_RE.lastIndex = 0;
  for (let m = CHAIN_RE.exec(text); m !== null; m = CHAIN_RE.exec(text)) {
    const chainStart = m.index;
    const end = chainStart + m[0].length;

    // Walk back over the place name: Chinese, letters, digits, "-" and "·", nothing else.
    let ws = chainStart;
    while (ws > 0 && chainStart - ws < MAX_NAME) {
      const c = text[ws - 1];
      if (isCjk(c) || isAsciiAlnum(c) || c === '-' || c === '·') ws--;
      else break;
    }
    const window = text.slice(ws, chainStart);
    if (!PLACE_END_RE.test(window)) continue;

    const cue = lastMatchEnd(ADDRESS_START_CUE_RE, window);
    const start = cue === -1 ? ws : ws + cue;
    if (chainStart - start < 2) continue;

    const label = clauseBefore(text, start, 40);
    const privateAt = lastMatchEnd(PRIVATE_ADDRESS_CUE_RE, label);
    const officialAt = lastMatchEnd(OFFICIAL_ADDRESS_CUE_RE, label);
    if (officialAt > privateAt) continue;
    if (privateAt === -1) {
      if (!HOME_LEVEL_RE.test(m[0])) continue;
      // No label either way: an address inside an agency's contact block (fax, postcode,
      // office hours, a landline) is the agency's, e.g. 通信地址：市府路68号B128室.
      if (isAgencyContactBlock(text, start, end)) continue;
    }

    out.push({ start, end, type: 'address' });
  }
  return out;
}

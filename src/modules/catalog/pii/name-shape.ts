import { commonWordFrequency, lexiconEntry } from './common-words.ts';
import { isCjk } from './context.ts';
import { HARD_STOP, MASK_CHARS, NO_GIVEN_NAME, ROLES, TITLES } from './read-name.ts';
import { isCompoundSurname, isSingleSurname } from './surnames.ts';

/**
 * Whether an exact span of text (a table cell, an item of a 、 list) is shaped like a private
 * person's name: 'clear' when it can hardly be anything else (张建国, 李娜), 'word' when it is
 * also an everyday or place word (杜鹃, 汪洋, 高洁) and needs the context to say it is a name,
 * null when it is not a name (张家港, 黄金周, 方案, 王先生, 张局长, 毛泽东).
 */
export type NameShape = 'clear' | 'word';

/** Last characters of place and organisation names that start like a surname: 杨家坪, 王府井. */
const PLACE_END = new Set('港井湾坝沱坪寺庙路街巷村镇乡区县市省州局委厅办司部院站队店厂府馆校所场楼堂桥堡台嘴园门口洞坡沟塘岛屿矿社营');
/** After 家 these end a place too (杨家山, 王家河), though as the end of a given name they are common. */
const PLACE_END_AFTER_JIA = new Set('山河湖岭江峰岩冲');

/**
 * Public figures whose names appear in official texts without being personal information:
 * state leaders quoted in political study material, and a few names cited as models.
 */
const PUBLIC_FIGURES = new Set([
  '毛泽东', '周恩来', '刘少奇', '朱德', '邓小平', '陈云', '任弼时', '江泽民', '胡锦涛', '习近平', '李鹏',
  '朱镕基', '温家宝', '李克强', '彭德怀', '贺龙', '陈毅', '叶剑英', '董必武', '焦裕禄', '雷锋', '孔繁森',
  '杨善洲', '钱学森', '孙中山', '鲁迅', '马克思', '恩格斯', '列宁', '斯大林', '孔子', '孟子', '老子',
]);

/**
 * Characters of transliterated names (Uyghur, Kazakh, Tibetan, Mongolian, foreign): the parts of
 * 阿依古丽·买买提, 努尔兰·沙吾提 or 白玛央金. A dotted name is read as far as these reach.
 */
export const TRANSLIT = new Set(
  '阿艾爱安奥巴拜班邦包保贝本比毕别宾波伯博布才查达大丹旦道得德迪蒂第丁东都杜多朵额厄恩尔二法凡菲' +
    '费芬丰夫弗福甫盖甘冈高戈格根耿古固瓜哈海亥汗罕航豪好合和河赫黑亨洪侯胡华怀欢吉加佳贾坚江杰金' +
    '京晶久居俊喀卡开凯坎康柯科克肯孔库夸拉腊莱赖兰郎朗乐勒雷蕾黎里力丽利莉连良列林琳玲隆鲁路伦罗' +
    '洛吕玛马迈麦曼满买毛梅美蒙孟米密敏明铭莫墨姆木穆那纳娜乃奈南楠尼妮聂涅宁纽努诺欧帕潘佩彭皮' +
    '平普齐奇恰乔切钦琴秋曲全热仁日荣容如茹若萨塞赛桑色瑟森沙莎山珊尚绍舍申什史士斯思松苏素索塔' +
    '台太泰坦汤唐陶特提汀通图吐土托瓦万旺威维卫温文沃乌吾武西希锡夏仙香祥谢辛欣兴休秀旭雅亚焉' +
    '扬央耶叶伊依义英尤有于玉元约云扎占哲珍孜兹卓措次嘎噶登顿赤强则珠拜逊力郎丁不阔克尕央曼措' +
    '宗拉姆白多吉格桑平卓玛次仁罗布才让旺堆顿珠扎西达娃边巴索朗普琼尼玛德吉央宗拉巴次旦默穆罕萨尔麦' +
    '吾孜别克斯坦尔汗拜合古热娜孜木合塔尔哈斯木尼亚孜买合木提阿卜杜喀迪尔艾合买提伊力哈木沙依提',
);

function isDottedPart(s: string): boolean {
  if (s.length === 0 || s.length > 8) return false;
  for (const c of s) if (!TRANSLIT.has(c)) return false;
  return !PUBLIC_FIGURES.has(s);
}

/** 阿依古丽·买买提, 穆罕默德·阿里: parts of transliteration characters joined by a middle dot. */
export function isDottedName(name: string): boolean {
  const parts = name.split('·');
  if (parts.length < 2 || parts.length > 4) return false;
  let letters = 0;
  for (const p of parts) {
    if (!isDottedPart(p)) return false;
    letters += p.length;
  }
  return letters >= 3;
}

export function isPublicFigure(name: string): boolean {
  return PUBLIC_FIGURES.has(name);
}

/** Page labels and units that start with a surname character and are in no dictionary. */
const LOOK_ALIKES = new Set(['索引号', '万人', '万元', '万亩', '万户', '万余', '万吨', '万平', '万次']);

/** Pronouns and particles that never stand in a given name (关于您 is not 关 + 于您). */
const NOT_IN_GIVEN_NAME = new Set('您你我他她它们于之乎吗呢吧啊');

/** Frequency above which a dictionary "name" is more often a word (高峰, 向东, 丛林). */
const NAME_AS_WORD = 50;

export function nameShape(name: string): NameShape | null {
  const len = name.length;
  if (len < 2) return null;
  if (name.includes('·')) return isDottedName(name) ? 'clear' : null;
  if (len > 4) return null;
  for (let i = 0; i < len; i++) if (!isCjk(name[i]) || MASK_CHARS.has(name[i])) return null;
  const sl = len >= 3 && isCompoundSurname(name.slice(0, 2)) ? 2 : isSingleSurname(name[0]) ? 1 : 0;
  if (sl === 0) return null;
  const given = len - sl;
  if (given < 1 || given > 2) return null;
  if (HARD_STOP.has(name[sl]) || NO_GIVEN_NAME.startsAt(name, sl)) return null;
  for (let i = sl; i < len; i++) if (NOT_IN_GIVEN_NAME.has(name[i]) || (i > sl && HARD_STOP.has(name[i]))) return null;
  if (ROLES.has(name) || TITLES.startsAt(name, sl) || TITLES.startsAt(name, 0)) return null;
  if (PLACE_END.has(name[len - 1]) || PUBLIC_FIGURES.has(name) || LOOK_ALIKES.has(name)) return null;
  if (len === 3 && name[1] === '家' && PLACE_END_AFTER_JIA.has(name[2])) return null;
  if (len === 2 && commonWordFrequency(name) > 0) return 'word';
  const entry = lexiconEntry(name);
  if (entry !== null && (!entry.name || entry.freq >= NAME_AS_WORD)) return 'word';
  // 索引号, 解读素: an everyday word and one more character; a name too at times (高明亮).
  if (len === 3 && sl === 1 && commonWordFrequency(name.slice(0, 2)) >= 1000) return 'word';
  return 'clear';
}

/** An everyday word that is not also a person's name (文件, 方案, 时间; not 杜鹃 or 高明亮). */
export function isPlainWord(name: string): boolean {
  if (commonWordFrequency(name) > 0) return true;
  const entry = lexiconEntry(name);
  return entry !== null && !entry.name;
}

/** A dictionary word that is a person's name and not an everyday word (杜鹃, 汪洋, 路遥; not 时间). */
export function isNameWord(name: string): boolean {
  return commonWordFrequency(name) === 0 && lexiconEntry(name)?.name === true;
}

import type { SlotConflict } from './types.js';
import { isCountry, sameValue, type SlotName, type Slots } from './slots.js';

/** Slots of which a text names one value, so another value in the entry's questions contradicts. */
const EXCLUSIVE: SlotName[] = ['place', 'year', 'date', 'policy', 'amount'];
/** Slots a question and an entry may each name several of (groups, things, agencies). */
const INCLUSIVE: SlotName[] = ['group', 'entity', 'agency'];

/**
 * Slot values of the question that the candidate entry does not support. For exclusive slots (place,
 * year, date, policy, amount): when the entry's questions name values of that slot, the question's value
 * must be among them (else contradiction); when they name none, the answer or the bank's home places
 * (places most entries name: the office's own district and city) must hold it (else absent). For
 * inclusive slots (group, entity, agency) the value must be in the entry's questions or answer — the whole
 * answer (`fullAnswer`): a long answer that names the group or thing anywhere covers it; exclusive slots
 * read the answer's lead (`answer`), since a long answer names many places and years in passing.
 * qtype is not a conflict: it weighs in the score.
 */
export function slotConflicts(question: Slots, title: Slots, answer: Slots, home: Slots, fullAnswer: Slots = answer): SlotConflict[] {
  const out: SlotConflict[] = [];
  const has = (name: SlotName, list: string[] | undefined, v: string) => (list ?? []).some((c) => sameValue(name, v, c));
  for (const name of [...EXCLUSIVE, ...INCLUSIVE]) {
    const values = question[name];
    if (!values) continue;
    const inTitle = title[name];
    // A question none of whose groups is one the entry's questions name asks of other people
    // (城乡居民 of a 职工 entry), whatever the answer mentions in passing.
    const disjoint = name === 'group' && !!inTitle?.length && !values.some((v) => has(name, inTitle, v));
    for (const v of values) {
      if (disjoint) {
        out.push({ slot: name, question: v, candidate: inTitle!.join('、') });
        continue;
      }
      const found = (EXCLUSIVE.includes(name) && inTitle?.length
        ? has(name, inTitle, v)
        : has(name, inTitle, v) || has(name, (INCLUSIVE.includes(name) ? fullAnswer : answer)[name], v) || has(name, home[name], v))
        || (name === 'place' && elsewhere(question, title, home, v));
      if (!found) out.push({ slot: name, question: v, candidate: inTitle?.length ? inTitle.join('、') : null });
    }
  }
  return out;
}

/**
 * Whether an entry about somewhere else covers the place `v` of a question: any country for an entry about
 * 外国人 / 境外 / 出国; another province or city for one about 外地 / 外省 / 异地 when the question also
 * says where here is (以前在广东交的社保，现在在重庆上班 → …跨省转移) — without it, the place may be the one
 * whose rules are asked (成都市外地户籍… is not asked of this office's 非本地户籍… entry).
 */
function elsewhere(question: Slots, title: Slots, home: Slots, v: string): boolean {
  const scope = title.scope ?? [];
  if (isCountry(v)) return scope.includes('abroad');
  if (!scope.includes('elsewhere')) return false;
  const isHome = (p: string) => (home.place ?? []).some((h) => sameValue('place', p, h));
  const here = (question.scope ?? []).includes('here') || (question.place ?? []).some(isHome);
  return here && !isHome(v);
}

/** Slots an entry's questions may narrow a question by (for 九龙坡区老年人… against 九龙坡区…). */
const NARROWING: SlotName[] = ['place', 'year', 'date', 'group', 'entity', 'policy'];

/**
 * Slot values the entry's questions name and the question does not (nor the bank's home places):
 * the entry is narrower than the question (老年人临时救助… asked as 临时救助…).
 */
export function slotExtras(question: Slots, title: Slots, home: Slots): string[] {
  const out: string[] = [];
  for (const name of NARROWING) {
    for (const v of title[name] ?? []) {
      const named = (question[name] ?? []).some((q) => sameValue(name, q, v)) || (name === 'place' && (home.place ?? []).some((h) => sameValue(name, h, v)));
      if (!named) out.push(`${name}:${v}`);
    }
  }
  return out;
}

import type { SlotConflict } from './types.js';
import { sameValue, type SlotName, type Slots } from './slots.js';

/** Slots whose value in the question must be found in the candidate (qtype only weighs in the score). */
const CHECKED: SlotName[] = ['place', 'year', 'date', 'group', 'agency', 'policy', 'amount'];

/**
 * A slot value of the question conflicts with a candidate entry when the entry's questions name another
 * value of that slot (contradiction), or name none and neither its answer nor the bank's home places
 * (places most entries mention: the office's own district) hold it (absent).
 */
export function slotConflicts(question: Slots, title: Slots, answer: Slots, home: Slots): SlotConflict[] {
  const out: SlotConflict[] = [];
  for (const name of CHECKED) {
    const values = question[name];
    if (!values) continue;
    const inTitle = title[name];
    for (const v of values) {
      const found = inTitle?.length
        ? inTitle.some((c) => sameValue(name, v, c))
        : [...(answer[name] ?? []), ...(home[name] ?? [])].some((c) => sameValue(name, v, c));
      if (!found) out.push({ slot: name, question: v, candidate: inTitle?.length ? inTitle.join('、') : null });
    }
  }
  return out;
}

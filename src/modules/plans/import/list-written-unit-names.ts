import type { ParsedPlan } from './types.ts';

/** Every distinct unit name the plan writes, in order of first appearance, so seeding can create them. */
export function listWrittenUnitNames(parsed: ParsedPlan): string[] {
  const names = new Set<string>();
  for (const area of parsed.areas)
    for (const subtask of area.subtasks)
      for (const measure of subtask.measures)
        for (const ref of [...measure.lead, ...measure.responsible]) names.add(ref.written);
  return [...names];
}

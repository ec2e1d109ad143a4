import type { z } from 'zod';
import type { CaseRow } from './load-case.ts';
import type { stepResult } from './schemas.ts';

/** What a handling step answers (schemas.ts stepResult): the case's new state and the step's own result. */
export const stepAnswer = ({ case: c, result }: { case: CaseRow; result: unknown }) => ({
  id: c.id,
  status: c.status as z.infer<typeof stepResult>['status'],
  dueOn: c.dueOn,
  outcome: c.outcome,
  closedOn: c.closedOn,
  ...(result && typeof result === 'object' ? { result: result as Record<string, unknown> } : {}),
});

import { inTransaction, type OpContext } from '../context.ts';
import { spendFormChallenge, type ChallengeProof } from './form-challenge.ts';
import { hitRateLimit } from './rate-limit.ts';
import { submitRule, type IntakeSettings } from './intake-settings.ts';
import { submissionKey, submitOnce } from './submit-once.ts';

export interface PublicSubmission {
  /** The module: `mailbox`, `qa`, `requests` — the rate limit and the duplicate keys are per scope. */
  scope: string;
  /** The validated body (its hash is the fallback duplicate key). */
  body: unknown;
  proof: ChallengeProof;
  /** The form's submission token (hidden field `submissionToken`). */
  token?: string | null;
  /** The `Idempotency-Key` header of a JSON client. */
  idempotencyKey?: string | null;
}

/**
 * The whole public-intake rule for one anonymous submission, in order: the address's rate limit
 * (counted in the database, before anything else, refused with 429 `too_many_requests`); then in
 * ONE transaction: the duplicate key (a repeat returns the first result, `duplicate: true`, and
 * spends nothing), the challenge (spent once), and `create(tx)`, which writes the record, its query
 * code and its audit row. Returns what `create` returned (JSON-serialisable: it is kept for repeats).
 */
export async function acceptPublicSubmission<T>(
  ctx: OpContext,
  settings: IntakeSettings,
  sub: PublicSubmission,
  create: (tx: OpContext) => Promise<T>,
): Promise<{ result: T; duplicate: boolean }> {
  await hitRateLimit(ctx.db, submitRule(settings, sub.scope), ctx.ip);
  const key = submissionKey({ token: sub.token, idempotencyKey: sub.idempotencyKey, ip: ctx.ip, body: sub.body });
  return inTransaction(ctx, (tx) =>
    submitOnce(tx.db, { scope: sub.scope, key }, async () => {
      await spendFormChallenge(tx.db, settings, sub.proof);
      return create(tx);
    }),
  );
}

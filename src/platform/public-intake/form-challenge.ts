import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { createChallenge, verifySolution } from 'altcha-lib';
import type { Challenge } from 'altcha-lib/types';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { publicChallengeUses } from '../../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { intakeSecret } from './intake-secret.ts';
import type { IntakeSettings } from './intake-settings.ts';

/** How long a challenge may be answered after it was handed out. */
const CHALLENGE_MINUTES = 30;

/**
 * The anti-abuse fields of a JSON or form body, for a route's zod body schema (`yourInput.extend(challengeBodyFields)`):
 * the proof (below) and the form's submission token. `proofOf(body)` takes the proof out.
 */
export const challengeBodyFields = {
  altcha: z.string().max(4000).nullish(),
  challengeToken: z.string().max(200).nullish(),
  challengeAnswer: z.string().max(20).nullish(),
  submissionToken: z.string().max(200).nullish(),
};
export const proofOf = (b: { altcha?: string | null; challengeToken?: string | null; challengeAnswer?: string | null }): ChallengeProof => ({ altcha: b.altcha, challengeToken: b.challengeToken, challengeAnswer: b.challengeAnswer });

/** What a public form carries: the proof-of-work widget's payload, or the answer to the question. */
export interface ChallengeProof {
  /** The ALTCHA payload (base64 JSON) written by /assets/intake-pow.js into the field `altcha`. */
  altcha?: string | null;
  /** The question's signed token (hidden field `challengeToken`) and the person's answer (`challengeAnswer`). */
  challengeToken?: string | null;
  challengeAnswer?: string | null;
}

export interface FormChallenge {
  /** For the widget: an ALTCHA challenge (SHA-256 proof of work, signed, expiring). */
  pow: Challenge;
  /** For people without JavaScript: a simple sum in Chinese, its answer signed in the token. */
  question: { text: string; token: string };
  expiresAt: string;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A new challenge for one form: both the proof of work and the no-JavaScript question. */
export async function createFormChallenge(db: Db, settings: IntakeSettings, now = new Date()): Promise<FormChallenge> {
  const key = await intakeSecret(db, settings);
  const expires = new Date(now.getTime() + CHALLENGE_MINUTES * 60_000);
  const pow = await createChallenge({ hmacKey: key, maxNumber: settings.powMax, expires });
  const a = randomInt(1, 10);
  const b = randomInt(1, 10);
  const nonce = randomBytes(12).toString('base64url');
  const exp = Math.floor(expires.getTime() / 1000);
  const token = `${nonce}.${exp}.${sign(key, `${nonce}.${exp}.${a + b}`)}`;
  return { pow, question: { text: `请计算：${DIGITS[a]}加${DIGITS[b]}等于几？（请填写阿拉伯数字）`, token }, expiresAt: expires.toISOString() };
}

const refused = () => new AppError('invalid', 'challenge_failed', '人机验证未通过，请重新计算验证题（或刷新页面后重试）');
const reused = () => new AppError('invalid', 'challenge_reused', '该验证已使用过，请刷新页面后重新提交');

/**
 * Checks a form's proof and spends it: a valid, unexpired proof is recorded in
 * `public_challenge_uses` by INSERT … ON CONFLICT DO NOTHING, so the same proof is accepted once,
 * whichever process sees it (`challenge_reused` the second time). Call inside the transaction that
 * creates the record, so a submission that fails later does not spend the proof.
 * With PUBLIC_FORM_CHALLENGE=off it accepts everything.
 */
export async function spendFormChallenge(db: Db, settings: IntakeSettings, proof: ChallengeProof, now = new Date()): Promise<void> {
  if (settings.challenge === 'off') return;
  const key = await intakeSecret(db, settings);
  let id: string;
  let expiresAt: Date;
  if (proof.altcha) {
    if (proof.altcha.length > 2000) throw refused();
    const ok = await verifySolution(proof.altcha, key, true).catch(() => false);
    if (!ok) throw refused();
    const payload = JSON.parse(Buffer.from(proof.altcha, 'base64').toString('utf8')) as { challenge: string; salt: string };
    id = `pow:${payload.challenge}`;
    const exp = Number(new URLSearchParams(payload.salt.split('?')[1] ?? '').get('expires'));
    expiresAt = new Date((exp || now.getTime() / 1000 + CHALLENGE_MINUTES * 60) * 1000);
  } else if (proof.challengeToken && proof.challengeAnswer != null) {
    const m = /^([A-Za-z0-9_-]{16})\.(\d{10})\.([A-Za-z0-9_-]{43})$/.exec(proof.challengeToken);
    const answer = String(proof.challengeAnswer).trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    if (!m || !/^\d{1,2}$/.test(answer)) throw refused();
    const [, nonce, exp] = m;
    if (Number(exp) * 1000 < now.getTime()) throw new AppError('invalid', 'challenge_expired', '验证题已过期，请刷新页面后重新填写');
    const expected = Buffer.from(sign(key, `${nonce}.${exp}.${Number(answer)}`));
    if (!timingSafeEqual(expected, Buffer.from(m[3]))) throw refused();
    id = `q:${nonce}`;
    expiresAt = new Date(Number(exp) * 1000);
  } else {
    throw new AppError('invalid', 'challenge_required', '请完成人机验证（回答验证题）后再提交');
  }
  const [row] = await db
    .insert(publicChallengeUses)
    .values({ id: createHash('sha256').update(id).digest('base64url'), expiresAt })
    .onConflictDoNothing()
    .returning({ id: publicChallengeUses.id });
  if (!row) throw reused();
}

function sign(key: string, text: string): string {
  return createHmac('sha256', key).update(`intake-question:${text}`).digest('base64url');
}

import type { FormChallenge } from '../platform/public-intake/form-challenge.ts';

/**
 * The anti-abuse fields of a public form: the submission token (a resubmitted form makes one
 * record), and — unless the challenge is off — the proof-of-work payload the widget fills in plus
 * the arithmetic question for browsers without JavaScript. Put inside the <form>; the page adds
 * <script src="/assets/intake-pow.js" defer> (or renders `<ChallengeScript />`).
 */
export function ChallengeFields({ challenge, submissionToken }: { challenge: FormChallenge | null; submissionToken: string }) {
  return (
    <>
      <input type="hidden" name="submissionToken" value={submissionToken} />
      {challenge && (
        <fieldset className="challenge" data-pow={JSON.stringify(challenge.pow)}>
          <legend>人机验证</legend>
          <input type="hidden" name="altcha" value="" />
          <input type="hidden" name="challengeToken" value={challenge.question.token} />
          <p data-pow-status="" aria-live="polite" hidden></p>
          <div data-question="">
            <label htmlFor="challengeAnswer">{challenge.question.text}</label>
            <input id="challengeAnswer" name="challengeAnswer" inputMode="numeric" pattern="[0-9０-９]{1,2}" maxLength={2} autoComplete="off" required />
          </div>
        </fieldset>
      )}
    </>
  );
}

export function ChallengeScript() {
  return <script src="/assets/intake-pow.js" defer></script>;
}

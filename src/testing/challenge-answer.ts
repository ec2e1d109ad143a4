const CN: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/**
 * Answers a public form's no-JavaScript question the way a person does: reads 请计算：三加五等于几？
 * from the text and writes the sum. For tests of forms behind the public-intake challenge.
 */
export function answerChallengeQuestion(text: string): string {
  const m = /请计算：(.)加(.)等于几/.exec(text);
  if (!m) throw new Error(`not a challenge question: ${text}`);
  return String(CN[m[1]] + CN[m[2]]);
}

/** A fresh challenge from `GET /api/public/challenge`, answered: the JSON body fields of a public submission. */
export async function solvedChallenge(app: { inject: (o: { method: 'GET'; url: string; remoteAddress: string }) => Promise<{ json: () => { question: { text: string; token: string } } }> }, remoteAddress: string) {
  const c = (await app.inject({ method: 'GET', url: '/api/public/challenge', remoteAddress })).json();
  return { challengeToken: c.question.token, challengeAnswer: answerChallengeQuestion(c.question.text) };
}

import { t } from './strings.ts';

/** The server's rules (src/platform/users/password.ts), checked as the user types. */
export function passwordProblems(password: string, username?: string): string[] {
  const problems: string[] = [];
  if (password.length < 10) problems.push(t.errLength);
  if (password.length > 128) problems.push(t.errTooLong);
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push(t.errClasses);
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push(t.errUsername);
  return problems;
}

export interface RuleStatus {
  label: string;
  ok: boolean;
}

export function ruleStatuses(password: string, username: string, current: string): RuleStatus[] {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  return [
    { label: t.ruleLength, ok: password.length >= 10 && password.length <= 128 },
    { label: t.ruleClasses, ok: classes >= 3 },
    { label: t.ruleNoUsername, ok: password.length > 0 && !password.toLowerCase().includes(username.toLowerCase()) },
    { label: t.ruleDifferent, ok: password.length > 0 && password !== current },
  ];
}

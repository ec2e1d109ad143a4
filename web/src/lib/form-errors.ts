import type { FormInstance } from 'antd';
import { describeIssues, errorMessage, validationIssues, type ValidationIssue } from './api.ts';

/** The form field a problem's path names: `body.code` → `code`, `body.fromPrefix.1` → `fromPrefix`, a domain check's `code` → `code`. */
export const issueField = (path: string) => path.replace(/^(body|querystring|query|params)\./, '').split('.')[0];

/**
 * The one way a form shows a refused save: each of the server's field problems under the form's
 * field it names (`rename` where the form calls a field otherwise than the API), and what is left as
 * the message to show above the form or in a toast — null when every problem stands at its field.
 * Never a raw path.
 */
export function showServerErrors(form: Pick<FormInstance, 'getFieldsValue' | 'setFields'>, err: unknown, rename: Record<string, string> = {}): string | null {
  const mounted = new Set(Object.keys((form.getFieldsValue() ?? {}) as object));
  const atFields = new Map<string, string[]>();
  const rest: ValidationIssue[] = [];
  for (const issue of validationIssues(err)) {
    const name = rename[issueField(issue.path)] ?? issueField(issue.path);
    if (mounted.has(name)) atFields.set(name, [...(atFields.get(name) ?? []), issue.message]);
    else rest.push(issue);
  }
  if (!atFields.size) return errorMessage(err);
  form.setFields([...atFields].map(([name, errors]) => ({ name, errors })));
  return rest.length ? describeIssues(rest) : null;
}

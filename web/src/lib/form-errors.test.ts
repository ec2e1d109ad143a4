import { describe, expect, it } from 'vitest';
import { ApiError, errorMessage } from './api.ts';
import { issueField, showServerErrors } from './form-errors.ts';

/** A validation error as the server sends it: the message carries the raw path, the details each problem. */
const refused = (...issues: { path: string; message: string }[]) =>
  new ApiError(400, 'validation_failed', `${issues[0].path}：${issues[0].message}${issues.length > 1 ? `（另有 ${issues.length - 1} 处问题）` : ''}`, issues);

/** The two calls a form offers that the helper uses, over a set of mounted fields. */
function fakeForm(fields: string[]) {
  const set: { name: string; errors: string[] }[] = [];
  return { set, form: { getFieldsValue: () => Object.fromEntries(fields.map((f) => [f, undefined])), setFields: (f: unknown) => void set.push(...(f as typeof set)) } as never };
}

describe('server problems in forms', () => {
  it('names the field of a path from the request check or from a domain check', () => {
    expect(issueField('body.code')).toBe('code');
    expect(issueField('body.fromPrefix.1')).toBe('fromPrefix');
    expect(issueField('query.month')).toBe('month');
    expect(issueField('days.3.date')).toBe('days');
  });

  it('never shows a raw path in a message', () => {
    expect(errorMessage(refused({ path: 'body.code', message: '统一社会信用代码校验位不正确' }))).toBe('统一社会信用代码校验位不正确');
    expect(errorMessage(refused({ path: 'body.name', message: '太短' }, { path: 'body.phone', message: '格式不正确' }))).toBe('太短（另有 1 处问题）');
    expect(errorMessage(new ApiError(409, 'unit_exists', '单位已存在'))).toBe('单位已存在');
  });

  it('puts each problem under its field, renamed where the form calls it otherwise, and returns only what is left', () => {
    const { set, form } = fakeForm(['code', 'name', 'body']);
    const err = refused({ path: 'body.code', message: '校验位不正确' }, { path: 'body.bodyHtml', message: '正文不能为空' }, { path: 'body.secret', message: '未知字段' });
    expect(showServerErrors(form, err, { bodyHtml: 'body' })).toBe('未知字段');
    expect(set).toEqual([
      { name: 'code', errors: ['校验位不正确'] },
      { name: 'body', errors: ['正文不能为空'] },
    ]);
  });

  it('returns nothing to show above the form when every problem stands at its field, and the message otherwise', () => {
    expect(showServerErrors(fakeForm(['code']).form, refused({ path: 'body.code', message: '校验位不正确' }))).toBeNull();
    const { set, form } = fakeForm(['name']);
    expect(showServerErrors(form, refused({ path: 'body.code', message: '校验位不正确' }))).toBe('校验位不正确');
    expect(showServerErrors(form, new ApiError(409, 'unit_exists', '单位已存在'))).toBe('单位已存在');
    expect(set).toEqual([]);
  });
});

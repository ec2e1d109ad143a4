import { describe, expect, it } from 'vitest';
import { PERMISSION_LABELS, PERMISSIONS, POLICY, ROLE_CODES, roleDuties, type Role } from './policy.ts';

describe('what each role may do, as the user form explains it', () => {
  it('names, for every role, exactly the permissions POLICY gives it beyond what everyone has', () => {
    for (const role of ROLE_CODES) {
      const text = roleDuties(role);
      for (const p of PERMISSIONS) {
        const holders = POLICY[p] as readonly Role[];
        if (holders.length === ROLE_CODES.length) continue;
        expect(text.includes(PERMISSION_LABELS[p]), `${role} / ${p}`).toBe(holders.includes(role));
      }
    }
  });

  it('reads as people say it', () => {
    expect(roleDuties('editor')).toBe('单位信息员，限本单位。可以：上传文件；报送本单位任务进展；起草、修改文件并送审；查看文件中的个人信息提示；起草本机关的年度报告；登记电话、窗口咨询。');
    expect(roleDuties('readonly')).toBe('只能查看，不能修改。可以：查看本单位的信箱留言和来电。');
  });
});

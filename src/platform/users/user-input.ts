import { z } from 'zod';
import { ROLE_CODES } from '../policy.ts';

export const usernameSchema = z
  .string()
  .trim()
  .min(3, '用户名至少 3 个字符')
  .max(32, '用户名不能超过 32 个字符')
  .regex(/^[a-zA-Z0-9_.-]+$/, '用户名只能包含字母、数字、下划线、点和连字符');

export const rolesSchema = z
  .array(z.enum(ROLE_CODES, { message: '角色不正确' }))
  .min(1, '至少选择一个角色')
  .max(ROLE_CODES.length);

export const displayNameSchema = z.string().trim().min(1, '请填写姓名').max(40, '姓名不能超过 40 个字');

/** What callers may see of a user: never the hash or the lock counters' internals. */
export function presentUser(u: {
  id: string;
  username: string;
  displayName: string;
  unitId: string;
  roles: string[];
  disabled: boolean;
  mustChangePassword: boolean;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  phone: string | null;
  createdAt: Date;
}) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    unitId: u.unitId,
    roles: u.roles,
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    locked: !!u.lockedUntil && u.lockedUntil > new Date(),
    lastLoginAt: u.lastLoginAt,
    phone: u.phone,
    createdAt: u.createdAt,
  };
}

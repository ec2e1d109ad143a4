import { api } from '../../lib/api.ts';

export const changePassword = (currentPassword: string, newPassword: string) =>
  api.post<{ ok: true }>('/api/auth/change-password', { currentPassword, newPassword });

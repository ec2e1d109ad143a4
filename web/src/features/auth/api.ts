import { call, client } from '../../lib/api.ts';

export const changePassword = (currentPassword: string, newPassword: string) =>
  call(client.POST('/api/auth/change-password', { body: { currentPassword, newPassword } }));

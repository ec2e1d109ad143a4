import { api } from '../../lib/api.ts';

export interface User {
  id: string;
  username: string;
  displayName: string;
  unitId: string;
  roles: string[];
  disabled: boolean;
  mustChangePassword: boolean;
  locked: boolean;
  lastLoginAt: string | null;
  phone: string | null;
  createdAt: string;
}

export interface UserPage {
  total: number;
  items: User[];
}

export interface UserQuery {
  q?: string;
  unitId?: string;
  page: number;
  pageSize: number;
}

export interface NewUser {
  username: string;
  displayName: string;
  unitId: string;
  roles: string[];
  phone?: string | null;
}

export type UserChange = Partial<Omit<NewUser, 'username'>> & { disabled?: boolean; unlock?: boolean };

export interface OneTimePassword {
  username: string;
  oneTimePassword: string;
}

export const listUsers = (q: UserQuery) => api.get<UserPage>('/api/users', { ...q });
export const createUser = (input: NewUser) => api.post<{ user: User; oneTimePassword: string }>('/api/users', input);
export const updateUser = (id: string, change: UserChange) => api.patch<User>(`/api/users/${id}`, change);
export const resetPassword = (id: string) => api.post<OneTimePassword>(`/api/users/${id}/reset-password`);

/** Role code → Chinese name, from the server's policy table. */
export const loadRoles = async () => (await api.get<{ roles: Record<string, string> }>('/api/policy')).roles;

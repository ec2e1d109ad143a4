import { call, client, type ApiBody, type ApiData, type Schema } from '../../lib/api.ts';

export type User = Schema<'User'>;
export type UserPage = ApiData<'/api/users', 'get'>;
export type UserQuery = { q?: string; unitId?: string; page: number; pageSize: number };
export type NewUser = ApiBody<'/api/users', 'post'>;
export type UserChange = ApiBody<'/api/users/{id}', 'patch'>;
export type OneTimePassword = ApiData<'/api/users/{id}/reset-password', 'post'>;

export const listUsers = (query: UserQuery) => call(client.GET('/api/users', { params: { query } }));
export const createUser = (body: NewUser) => call(client.POST('/api/users', { body }));
export const updateUser = (id: string, body: UserChange) => call(client.PATCH('/api/users/{id}', { params: { path: { id } }, body }));
export const resetPassword = (id: string) => call(client.POST('/api/users/{id}/reset-password', { params: { path: { id } } }));

/** Role code → Chinese name, from the server's policy table. */
export const loadRoles = async () => (await call(client.GET('/api/policy'))).roles;
/** What each role may do, for the user form (derived on the server from the permission table). */
export const loadRoleDuties = async () => (await call(client.GET('/api/policy'))).duties;

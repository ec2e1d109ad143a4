import { call, client, type ApiBody, type ApiData } from '../../lib/api.ts';

export type GroupList = ApiData<'/api/unit-groups', 'get'>;
export type UnitGroup = GroupList['items'][number];
export type GroupInput = ApiBody<'/api/unit-groups', 'post'>;

export const listGroups = () => call(client.GET('/api/unit-groups'));
export const createGroup = (body: GroupInput) => call(client.POST('/api/unit-groups', { body }));
export const updateGroup = (id: string, body: GroupInput) => call(client.PUT('/api/unit-groups/{id}', { params: { path: { id } }, body }));

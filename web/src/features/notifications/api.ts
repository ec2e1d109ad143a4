import { call, client, type ApiData } from '../../lib/api.ts';

export type Inbox = ApiData<'/api/notifications', 'get'>;
export type Notification = Inbox['items'][number];

export const listInbox = (q: { unreadOnly: boolean; page: number; pageSize: number }) =>
  call(client.GET('/api/notifications', { params: { query: { unreadOnly: q.unreadOnly ? 'true' : undefined, page: q.page, pageSize: q.pageSize } } }));

/** Marks the given notifications read; with no ids, all of them. */
export const markRead = (ids?: string[]) => call(client.POST('/api/notifications/read', { body: ids ? { ids } : {} }));

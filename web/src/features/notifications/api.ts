import { api } from '../../lib/api.ts';

export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface Inbox {
  total: number;
  unread: number;
  items: Notification[];
}

export const listInbox = (q: { unreadOnly: boolean; page: number; pageSize: number }) =>
  api.get<Inbox>('/api/notifications', { unreadOnly: q.unreadOnly ? 'true' : undefined, page: q.page, pageSize: q.pageSize });

/** Marks the given notifications read; with no ids, all of them. */
export const markRead = (ids?: string[]) => api.post<{ marked: number }>('/api/notifications/read', ids ? { ids } : {});

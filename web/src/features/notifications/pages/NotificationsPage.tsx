import { CheckOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Pagination, Segmented, Spin } from 'antd';
import { useState } from 'react';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { useSession } from '../../../lib/session.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { listInbox, markRead, type Notification } from '../api.ts';
import { NotificationItem } from '../components/NotificationItem.tsx';
import { t } from '../strings.ts';

const PAGE_SIZE = 20;

export function NotificationsPage() {
  const { message } = App.useApp();
  const { refresh } = useSession();
  const [filter, setFilter] = useState<'unread' | 'all'>('all');
  const [page, setPage] = useState(1);
  const inbox = useLoad(() => listInbox({ unreadOnly: filter === 'unread', page, pageSize: PAGE_SIZE }), [filter, page]);

  // The API lists newest first; within the page, unread ones come first.
  const items = [...(inbox.data?.items ?? [])].sort((a, b) => Number(!!a.readAt) - Number(!!b.readAt));

  const mark = async (ids?: string[]) => {
    try {
      const { marked } = await markRead(ids);
      if (!ids) message.success(t.markAllDone(marked));
      await Promise.all([inbox.reload(), refresh()]);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const unread = inbox.data?.unread ?? 0;
  return (
    <>
      <PageHeader
        title={t.title}
        intro={t.intro}
        extra={
          <Button icon={<CheckOutlined />} disabled={!unread} onClick={() => void mark()}>
            {t.markAll}
          </Button>
        }
      />
      {inbox.error && <LoadError error={inbox.error} onRetry={() => void inbox.reload()} />}
      <Card>
        <div className="toolbar">
          <Segmented
            aria-label={t.filterLabel}
            value={filter}
            onChange={(v) => {
              setFilter(v as 'unread' | 'all');
              setPage(1);
            }}
            options={[
              { value: 'all', label: t.filterAll },
              { value: 'unread', label: t.filterUnread(unread) },
            ]}
          />
          <span className="toolbar-count">{inbox.data && t.total(inbox.data.total)}</span>
        </div>
        {inbox.loading && !inbox.data ? (
          <Spin />
        ) : items.length === 0 ? (
          <Empty description={filter === 'unread' ? t.emptyUnread : t.emptyAll} />
        ) : (
          <ul className="notification-list">
            {items.map((n: Notification) => (
              <NotificationItem key={n.id} n={n} onMarkRead={(x) => void mark([x.id])} />
            ))}
          </ul>
        )}
        {(inbox.data?.total ?? 0) > PAGE_SIZE && (
          <Pagination className="block-gap" current={page} pageSize={PAGE_SIZE} total={inbox.data?.total} onChange={setPage} showSizeChanger={false} />
        )}
      </Card>
    </>
  );
}

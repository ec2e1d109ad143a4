import { Badge, Button, Typography } from 'antd';
import { formatDateTime } from '../../../lib/format.ts';
import type { Notification } from '../api.ts';
import { t } from '../strings.ts';

export function NotificationItem({ n, onMarkRead }: { n: Notification; onMarkRead: (n: Notification) => void }) {
  const unread = !n.readAt;
  return (
    <li className={unread ? 'notification unread' : 'notification'}>
      <div className="notification-head">
        {unread && <Badge status="processing" text={<span className="sr-only">{t.unread}</span>} />}
        <Typography.Text strong={unread} className="notification-title">
          {n.title}
        </Typography.Text>
        <time className="notification-time" dateTime={n.createdAt}>
          {formatDateTime(n.createdAt)}
        </time>
      </div>
      {n.body && <Typography.Paragraph className="notification-body">{n.body}</Typography.Paragraph>}
      <div className="notification-actions">
        {n.link && (
          <a href={n.link} onClick={() => unread && onMarkRead(n)}>
            {t.open}
          </a>
        )}
        {unread && (
          <Button type="link" size="small" onClick={() => onMarkRead(n)} aria-label={`${t.markRead}：${n.title}`}>
            {t.markRead}
          </Button>
        )}
      </div>
    </li>
  );
}

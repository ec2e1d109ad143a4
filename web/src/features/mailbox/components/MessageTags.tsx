import { Tag } from 'antd';
import type { MessageSummary } from '../api.ts';
import { t } from '../strings.ts';
import { BLUE, BROWN, GREEN, GREY, RED } from '../../catalog/colors.ts';

const COLORS: Record<string, string> = { received: BROWN, accepted: BLUE, assigned: BLUE, replied: GREEN, closed: GREY, rejected: GREY };

/** A message's state as a tag: its status, and 已逾期 in red while open past the due date. */
export function StatusTag({ m }: { m: Pick<MessageSummary, 'status' | 'overdue'> }) {
  const open = ['received', 'accepted', 'assigned'].includes(m.status);
  return (
    <span className="status-stack">
      <Tag color={COLORS[m.status]}>{t.status[m.status] ?? m.status}</Tag>
      {m.overdue && <Tag color={RED}>{open ? t.overdue : '逾期答复'}</Tag>}
    </span>
  );
}

/** 示例 / 信访事项 / 已公开 beside a title. */
export function MarkTags({ m }: { m: Pick<MessageSummary, 'sample' | 'petition' | 'published'> }) {
  return (
    <>
      {m.sample && <Tag>{t.sample}</Tag>}
      {m.petition && <Tag color={BROWN}>{t.petition}</Tag>}
      {m.published && <Tag color={GREEN}>{t.published}</Tag>}
    </>
  );
}

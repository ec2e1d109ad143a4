import { App, Button, Empty, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { errorMessage } from '../../../lib/api.ts';
import type { Candidate } from '../api.ts';
import { t } from '../strings.ts';
import { BROWN, GREEN, GREY } from '../../catalog/colors.ts';

/**
 * The Q&A library's candidates for a question, best first, each with its score: answer with one in
 * one step (`onUse`), or take its answer into the reply to edit (`onQuote`).
 */
export function LibraryPanel({ items, onUse, onQuote, useLabel = t.useEntry, confirm = true }: { items: Candidate[]; onUse?: (c: Candidate) => Promise<unknown>; onQuote?: (c: Candidate) => void; useLabel?: string; confirm?: boolean }) {
  const { message } = App.useApp();
  if (!items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.libraryEmpty} />;
  const use = async (c: Candidate) => {
    try {
      await onUse?.(c);
    } catch (err) {
      message.error(errorMessage(err), 6);
    }
  };
  return (
    <List
      className="mailbox-candidates"
      dataSource={items}
      renderItem={(c) => (
        <List.Item
          key={c.entryId}
          actions={[
            onUse &&
              (confirm ? (
                <Popconfirm key="use" title={t.entryConfirm} okText={t.ok} cancelText={t.cancel} onConfirm={() => use(c)}>
                  <Button size="small" type="primary">
                    {useLabel}
                  </Button>
                </Popconfirm>
              ) : (
                <Button key="use" size="small" type="primary" onClick={() => void use(c)}>
                  {useLabel}
                </Button>
              )),
            onQuote && (
              <Button key="quote" size="small" onClick={() => onQuote(c)}>
                {t.quoteEntry}
              </Button>
            ),
          ].filter(Boolean)}
        >
          <List.Item.Meta
            title={
              <Space wrap size={4}>
                <span>{c.question}</span>
                <Tag color={c.score >= 70 ? GREEN : c.score >= 50 ? BROWN : GREY}>
                  {t.score} {c.score}
                </Tag>
              </Space>
            }
            description={
              <>
                <Typography.Paragraph ellipsis={{ rows: 3, expandable: true, symbol: '展开' }} className="mailbox-answer">
                  {c.answerText}
                </Typography.Paragraph>
                {c.ownerUnitName && <span className="text-muted">{c.ownerUnitName}</span>}
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}

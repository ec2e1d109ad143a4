import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space } from 'antd';
import { useState } from 'react';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import type { PageProps } from '../../../lib/router.tsx';
import { usePermission } from '../../../lib/session.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { listCommitments, urls } from '../api.ts';
import { FulfilDialog } from '../components/CommitmentDialogs.tsx';
import { t } from '../strings.ts';
import { CommitmentTable } from '../components/CommitmentTable.tsx';

const STATES = ['未到期', '按期完成', '逾期完成', '逾期未完成'] as const;

/** 承诺台账: every commitment in reach, by state; fulfil; export; link to the public page. */
export function CommitmentsPage(_: PageProps) {
  const canHandle = usePermission('opinion.handle');
  const [state, setState] = useState<(typeof STATES)[number] | ''>('');
  const list = useLoad(() => listCommitments({ state: state || undefined, pageSize: 500 }), [state]);
  const [fulfilling, setFulfilling] = useState<string | null>(null);
  return (
    <>
      <PageHeader
        title={t.commitmentsTitle}
        intro={
          <>
            {t.commitmentsIntro} <a href="/chengnuo" target="_blank" rel="noreferrer">门户“回应承诺”页面</a>
          </>
        }
      />
      <Card>
        <Space wrap className="block-gap">
          <Select aria-label={t.state} value={state} onChange={setState} style={{ width: 160 }} options={[{ value: '', label: `${t.state}：${t.all}` }, ...STATES.map((s) => ({ value: s, label: s }))]} />
          <Button icon={<DownloadOutlined />} href={urls.commitmentLedger(state || undefined)}>
            {t.exportCommitments}
          </Button>
        </Space>
        {list.error && <LoadError error={list.error} onRetry={() => void list.reload()} />}
        <CommitmentTable items={list.data?.items ?? []} canHandle={canHandle} onFulfil={setFulfilling} showEvent />
      </Card>
      <FulfilDialog commitmentId={fulfilling} onClose={() => setFulfilling(null)} onDone={() => (setFulfilling(null), void list.reload())} />
    </>
  );
}

import { Card, InputNumber, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { todayInShanghai } from '../../../lib/format.ts';
import { Link, navigate } from '../../../lib/router.tsx';
import { useMe, usePermission } from '../../../lib/session.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { getDistrict, type DistrictReports } from '../api.ts';
import { LedgerImport } from '../components/LedgerImport.tsx';
import { t } from '../strings.ts';

type Row = DistrictReports['rows'][number];

/** The office sees every agency's report for the year; anyone else goes to their own agency's. */
export function ReportsPage() {
  const me = useMe();
  const district = usePermission('reports.manage');
  const canImport = usePermission('reports.import');
  const [year, setYear] = useState(Number(todayInShanghai().slice(0, 4)) - 1);
  useEffect(() => {
    if (!district) navigate(`/reports/${me.user.unitId}/${year}`, { replace: true });
  }, [district, me.user.unitId, year]);
  const data = useLoad(() => (district ? getDistrict(year) : Promise.resolve(null)), [district, year]);
  if (!district) return null;
  const sum = data.data?.sum;
  return (
    <>
      <PageHeader title={t.title} intro={t.intro} />
      <Card>
        <div className="toolbar">
          <div className="toolbar-field">
            <label htmlFor="report-year">{t.year}</label>
            <InputNumber id="report-year" min={2008} max={2100} value={year} onChange={(v) => v && setYear(v)} />
          </div>
        </div>
        {data.error && <LoadError error={data.error} onRetry={() => void data.reload()} />}
        <Table<Row>
          rowKey="agencyUnitId"
          loading={data.loading}
          dataSource={data.data?.rows ?? []}
          pagination={false}
          size="small"
          scroll={{ x: 900 }}
          columns={[
            { title: t.agency, dataIndex: 'agency', render: (v: string, r) => <Link to={`/reports/${r.agencyUnitId}/${year}`}>{v}</Link> },
            { title: '状态', dataIndex: 'status', render: (s: string, r) => <>{<Tag color={s === 'published' ? '#237804' : s === 'none' ? '#595959' : '#1d4e89'}>{t.status[s]}</Tag>}{r.overdue && <Tag color="#a8071a">{t.overdue}</Tag>}</> },
            { title: t.dueDate, dataIndex: 'dueDate' },
            { title: t.columns.new, dataIndex: 'new', align: 'right' },
            { title: t.columns.carried, dataIndex: 'carried', align: 'right' },
            { title: t.columns.closed, dataIndex: 'closed', align: 'right' },
            { title: t.columns.forward, dataIndex: 'forward', align: 'right' },
          ]}
          summary={() =>
            sum && (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={3}><strong>{t.districtSum}</strong></Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">{sum.new}</Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">{sum.carried}</Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">{sum.closed}</Table.Summary.Cell>
                <Table.Summary.Cell index={6} align="right">{sum.forward}</Table.Summary.Cell>
              </Table.Summary.Row>
            )
          }
        />
      </Card>
      {canImport && (
        <Card title="往年台账" style={{ marginTop: 16 }}>
          <LedgerImport onDone={() => void data.reload()} />
        </Card>
      )}
    </>
  );
}

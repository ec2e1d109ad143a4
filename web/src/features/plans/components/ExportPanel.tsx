import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select } from 'antd';
import { useState } from 'react';
import { LoadError } from '../../../components/LoadError.tsx';
import { useMe } from '../../../lib/session.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { getDashboard, urls } from '../api.ts';
import { t } from '../strings.ts';

/**
 * Files out of the plan: the ledger (台账) as Excel, for all units or one, and a unit's completion
 * report as Word. A unit user may download its own unit's report only (the server says the same).
 */
export function ExportPanel({ planId, canManage }: { planId: string; canManage: boolean }) {
  const me = useMe();
  // The units that hold assignments, with their names: the dashboard lists them.
  const dash = useLoad(() => getDashboard(planId), [planId]);
  const units = (dash.data?.byUnit ?? []).map((u) => ({ value: u.unitId, label: u.name })).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  const reportUnits = canManage ? units : units.filter((u) => u.value === me.user.unitId);
  const [ledgerUnit, setLedgerUnit] = useState('');
  const [reportUnit, setReportUnit] = useState<string | undefined>(canManage ? undefined : me.user.unitId);

  return (
    <div className="export-grid">
      {dash.error && <LoadError error={dash.error} onRetry={() => void dash.reload()} />}
      <Card title={<h2 className="card-title">{t.exportLedgerTitle}</h2>}>
        <p className="text-muted">{t.exportLedgerIntro}</p>
        <div className="toolbar">
          <div className="toolbar-field">
            <label htmlFor="ledger-unit">{t.exportUnitLabel}</label>
            <Select
              id="ledger-unit"
              value={ledgerUnit}
              onChange={setLedgerUnit}
              showSearch={{ optionFilterProp: 'label' }}
              loading={dash.loading}
              style={{ width: 240 }}
              options={[{ value: '', label: t.exportAllUnits }, ...units]}
            />
          </div>
          <Button type="primary" icon={<DownloadOutlined />} href={urls.ledger(planId, ledgerUnit || undefined)}>
            {t.downloadLedger}
          </Button>
        </div>
      </Card>
      <Card title={<h2 className="card-title">{t.unitReportTitle}</h2>}>
        <p className="text-muted">{t.unitReportIntro}</p>
        {!dash.loading && reportUnits.length === 0 ? (
          <Alert type="info" showIcon title={t.mineEmpty} />
        ) : (
          <div className="toolbar">
            <div className="toolbar-field">
              <label htmlFor="report-unit">{t.unitReportUnit}</label>
              <Select
                id="report-unit"
                value={reportUnit}
                onChange={setReportUnit}
                placeholder={t.unitReportPick}
                showSearch={{ optionFilterProp: 'label' }}
                loading={dash.loading}
                style={{ width: 240 }}
                options={reportUnits}
              />
            </div>
            <Button icon={<DownloadOutlined />} href={reportUnit ? urls.unitReport(planId, reportUnit) : undefined} disabled={!reportUnit}>
              {t.downloadReport}
            </Button>
          </div>
        )}
      </Card>
    </div>
  );
}

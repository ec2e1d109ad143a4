import { DownloadOutlined } from '@ant-design/icons';
import { EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Modal, Select, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../lib/api.ts';
import { LoadError } from '../../../components/LoadError.tsx';
import { useMe } from '../../../lib/session.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { downloadUnitReport, getDashboard, getUnitReportDraft, urls } from '../api.ts';
import { t } from '../strings.ts';
import { saveBlob } from '../../../lib/save-blob.ts';

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
  const [editing, setEditing] = useState(false);

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
            <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} disabled={!reportUnit}>
              {t.editReport}
            </Button>
            <Button icon={<DownloadOutlined />} href={reportUnit ? urls.unitReport(planId, reportUnit) : undefined} disabled={!reportUnit}>
              {t.downloadReport}
            </Button>
          </div>
        )}
      </Card>
      {editing && reportUnit && <UnitReportDialog planId={planId} unitId={reportUnit} onClose={() => setEditing(false)} />}
    </div>
  );
}

/**
 * The unit report before it is sent: its title, and 存在的问题及下一步打算 drafted from the unit's
 * returned, overdue and late items, for the unit to edit; the Word file carries the edited text.
 */
function UnitReportDialog({ planId, unitId, onClose }: { planId: string; unitId: string; onClose: () => void }) {
  const { message } = App.useApp();
  const draft = useLoad(() => getUnitReportDraft(planId, unitId), [planId, unitId]);
  const [issues, setIssues] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (draft.data) setIssues(draft.data.issues);
  }, [draft.data]);

  const download = async () => {
    if (!issues.trim()) {
      setError(t.reportIssuesRequired);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const f = await downloadUnitReport(planId, unitId, issues.trim());
      saveBlob(f.blob, f.filename);
      message.success(t.reportDownloaded);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t.editReportTitle}
      onCancel={onClose}
      width={760}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose}>
          {t.closeDialog}
        </Button>,
        <Button key="download" type="primary" icon={<DownloadOutlined />} loading={busy} disabled={!draft.data} onClick={() => void download()}>
          {t.downloadReport}
        </Button>,
      ]}
    >
      {draft.error && <LoadError error={draft.error} onRetry={() => void draft.reload()} />}
      {!draft.data ? (
        <Skeleton active />
      ) : (
        <>
          <p className="report-title-preview" data-testid="report-title">
            {draft.data.title}
          </p>
          {error && <Alert role="alert" type="error" showIcon title={error} className="block-gap" />}
          <label htmlFor="report-issues" className="field-label">
            {t.reportIssuesLabel}
          </label>
          <p className="text-muted">{t.reportIssuesHelp}</p>
          <Input.TextArea id="report-issues" value={issues} onChange={(e) => setIssues(e.target.value)} autoSize={{ minRows: 8, maxRows: 18 }} maxLength={5000} showCount />
        </>
      )}
    </Modal>
  );
}

import { Alert, App, Button, Modal, Select, Spin, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../../lib/api.ts';
import { navigate } from '../../../lib/router.tsx';
import { common } from '../../../lib/strings.ts';
import { useLoad } from '../../../lib/use-load.ts';
import { unitLabel, useUnitCatalog } from '../../units/api.ts';
import { getIssuePreview, issuePlan } from '../api.ts';
import { t } from '../strings.ts';

/**
 * 印发: what the server will refuse is shown first — names still unknown (fixed in 单位管理) — and
 * for each measure naming a per-use group (区政府有关部门) the office confirms or trims the
 * suggested units before the assignments are made.
 */
export function IssueDialog({ planId, open, onClose, onIssued, onClosed }: { planId: string; open: boolean; onClose: () => void; onIssued: () => void; onClosed?: () => void }) {
  const { message } = App.useApp();
  const preview = useLoad(() => (open ? getIssuePreview(planId) : Promise.resolve(undefined)), [planId, open]);
  const catalog = useUnitCatalog(open);
  const [selections, setSelections] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!preview.data) return;
    setSelections(Object.fromEntries(preview.data.selections.map((s) => [s.measureId, s.suggested])));
    setError(null);
  }, [preview.data]);

  const options = useMemo(
    () => (catalog.data?.items ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: unitLabel(u) })),
    [catalog.data],
  );
  const p = preview.data;
  const blocked = !p || p.unknown.length > 0 || p.selections.some((s) => !selections[s.measureId]?.length);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await issuePlan(planId, selections);
      message.success(t.issued(r.assignments, r.units));
      onIssued();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t.issueTitle}
      onCancel={onClose}
      width={760}
      destroyOnHidden
      afterClose={onClosed}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {common.cancel}
        </Button>,
        <Button key="ok" type="primary" onClick={() => void submit()} loading={busy} disabled={blocked}>
          {t.issueConfirm}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t.issueIntro}</Typography.Paragraph>
      {preview.error && <Alert role="alert" type="error" showIcon title={preview.error} className="block-gap" />}
      {error && <Alert role="alert" type="error" showIcon title={error} className="block-gap" />}
      {!p ? (
        !preview.error && <Spin />
      ) : (
        <>
          {p.unknown.length > 0 && (
            <Alert
              type="error"
              showIcon
              className="block-gap"
              title={t.issueUnknownTitle(p.unknown.length)}
              description={
                <>
                  <ul className="issue-list" data-testid="issue-unknown">
                    {p.unknown.map((u, i) => (
                      <li key={i}>
                        {t.measureNo(u.seq)}：<mark className="unknown-name">{u.written}</mark>
                      </li>
                    ))}
                  </ul>
                  <p className="block-gap">{t.issueUnknownHint}</p>
                  <Button size="small" onClick={() => navigate('/units')}>
                    {t.goUnits}
                  </Button>
                </>
              }
            />
          )}
          <h3 className="section-title">{t.issueSelectionsTitle(p.selections.length)}</h3>
          {p.selections.length === 0 ? (
            <p className="text-muted">{t.issueNoSelections}</p>
          ) : (
            <>
              <p className="text-muted">{t.issueSelectionsHint}</p>
              <ol className="issue-selections">
                {p.selections.map((s) => {
                  const chosen = selections[s.measureId] ?? [];
                  const id = `sel-${s.measureId}`;
                  return (
                    <li key={s.measureId} className="issue-selection" data-seq={s.seq}>
                      <label htmlFor={id} className="field-label">
                        {t.selectionLabel(s.seq)}（{s.groups.join('、')}）
                      </label>
                      <p className="cell-note">{s.text}…</p>
                      <Select
                        id={id}
                        mode="multiple"
                        value={chosen}
                        onChange={(v) => setSelections((x) => ({ ...x, [s.measureId]: v }))}
                        options={options}
                        showSearch={{ optionFilterProp: 'label' }}
                        maxTagCount="responsive"
                        status={chosen.length ? undefined : 'error'}
                        style={{ width: '100%' }}
                      />
                      <span className={chosen.length ? 'cell-note' : 'field-error'}>{chosen.length ? t.selectionCount(chosen.length) : t.selectionEmpty}</span>
                    </li>
                  );
                })}
              </ol>
            </>
          )}
        </>
      )}
    </Modal>
  );
}

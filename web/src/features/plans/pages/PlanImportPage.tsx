import { FileAddOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, InputNumber, Result, Segmented, Space, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { navigate } from '../../../lib/router.tsx';
import { importPlan, type DraftChange, type ImportResult, type ImportSource } from '../api.ts';
import { ImportPreview, previewStats } from '../components/ImportPreview.tsx';
import { t } from '../strings.ts';

const ACCEPT = '.docx,.xlsx,.txt';
const ALLOWED = /\.(docx|xlsx|txt)$/i;

function ChangesTable({ changes }: { changes: DraftChange[] }) {
  return (
    <Table<DraftChange>
      rowKey={(c) => `${c.kind}-${c.seq}`}
      size="small"
      dataSource={changes}
      pagination={changes.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 640 }}
      columns={[
        { title: t.colMeasure, dataIndex: 'seq', width: 90, render: (s: number) => t.measureNo(s) },
        { title: t.colStatus, dataIndex: 'kind', width: 80, render: (k: string) => <Tag>{t.changeKind[k] ?? k}</Tag> },
        { title: t.changeBefore, dataIndex: 'before', render: (v?: string) => v ?? '—' },
        { title: t.changeAfter, dataIndex: 'after', render: (v?: string) => v ?? '—' },
      ]}
    />
  );
}

/**
 * Imports a notice in two steps: a dry run shows everything the parser read (nothing saved), then
 * 确认导入 saves the same source as a draft and reports created / updated / unchanged.
 */
export function PlanImportPage() {
  const [mode, setMode] = useState<'text' | 'file'>('file');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [preview, setPreview] = useState<{ source: ImportSource; result: ImportResult } | null>(null);
  const [saved, setSaved] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState<'preview' | 'save' | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Any change to the source makes the preview stale: it must be looked at again before saving.
  const changed = () => {
    setPreview(null);
    setSaved(null);
    setError(null);
  };

  const source = (): ImportSource | string => {
    if (mode === 'text') return text.trim() ? { kind: 'text', text, year: year ?? undefined } : t.textRequired;
    if (!file) return t.fileRequired;
    return { kind: 'file', file, year: year ?? undefined };
  };

  const runPreview = async () => {
    const s = source();
    if (typeof s === 'string') {
      setError(s);
      return;
    }
    setBusy('preview');
    setError(null);
    setSaved(null);
    try {
      setPreview({ source: s, result: await importPlan(s, true) });
    } catch (err) {
      setPreview(null);
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const confirm = async () => {
    if (!preview) return;
    setBusy('save');
    setError(null);
    try {
      setSaved(await importPlan(preview.source, false));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const stats = preview ? previewStats(preview.result) : null;

  if (saved)
    return (
      <>
        <PageHeader title={t.importTitle} />
        <Card>
          <Result
            status={saved.outcome === 'unchanged' ? 'info' : 'success'}
            title={<span data-testid="import-outcome">{t.outcomeTitle[saved.outcome]}</span>}
            subTitle={
              <>
                {t.outcomeBody[saved.outcome]} {t.counts(saved.counts.areas, saved.counts.subtasks, saved.counts.measures)}
              </>
            }
            extra={
              <Space wrap>
                {saved.planId && (
                  <Button type="primary" onClick={() => navigate(`/plans/${saved.planId}`)}>
                    {t.openPlan}
                  </Button>
                )}
                <Button
                  onClick={() => {
                    setSaved(null);
                    setPreview(null);
                  }}
                >
                  {t.importAnother}
                </Button>
              </Space>
            }
          />
          {saved.outcome === 'updated' && (
            <section aria-labelledby="changes-title">
              <h2 id="changes-title" className="card-title block-gap">
                {t.changesTitle(saved.changes.length)}
              </h2>
              <ChangesTable changes={saved.changes} />
            </section>
          )}
        </Card>
      </>
    );

  return (
    <>
      <PageHeader
        title={t.importTitle}
        intro={t.importIntro}
        extra={<Button onClick={() => navigate('/plans')}>{t.back}</Button>}
      />
      <Card className="block-gap">
        <div className="import-source">
          <div className="toolbar-field">
            <span id="import-mode-label" className="field-label">
              {t.sourceLabel}
            </span>
            <Segmented
              aria-labelledby="import-mode-label"
              value={mode}
              onChange={(v) => {
                setMode(v as 'text' | 'file');
                changed();
              }}
              options={[
                { value: 'file', label: t.sourceFile },
                { value: 'text', label: t.sourceText },
              ]}
            />
          </div>
          {mode === 'file' ? (
            <div className="import-file">
              <span className="field-label" id="import-file-label">
                {t.fileLabel}
              </span>
              <Upload.Dragger
                accept={ACCEPT}
                multiple={false}
                showUploadList={false}
                beforeUpload={(f) => {
                  changed();
                  if (!ALLOWED.test(f.name)) {
                    setFile(null);
                    setError(t.fileWrongType);
                  } else setFile(f);
                  return false;
                }}
                aria-labelledby="import-file-label"
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined aria-hidden />
                </p>
                <p className="ant-upload-text">{t.fileHint}</p>
                {file && <p className="ant-upload-hint">{t.fileChosen(file.name, Math.max(1, Math.round(file.size / 1024)))}</p>}
              </Upload.Dragger>
            </div>
          ) : (
            <div className="import-text">
              <label htmlFor="import-text" className="field-label">
                {t.textLabel}
              </label>
              <Input.TextArea
                id="import-text"
                value={text}
                onChange={(e) => {
                  setText(e.target.value);
                  if (preview) changed();
                }}
                placeholder={t.textPlaceholder}
                autoSize={{ minRows: 6, maxRows: 16 }}
              />
            </div>
          )}
          <div className="toolbar">
            <div className="toolbar-field">
              <label htmlFor="import-year">{t.yearLabel}</label>
              <InputNumber
                id="import-year"
                min={2000}
                max={2100}
                precision={0}
                value={year}
                onChange={(v) => {
                  setYear(typeof v === 'number' ? v : null);
                  if (preview) changed();
                }}
                placeholder={t.yearHelp}
                style={{ width: 180 }}
              />
            </div>
            <Button type="primary" icon={<FileAddOutlined />} onClick={() => void runPreview()} loading={busy === 'preview'}>
              {t.previewButton}
            </Button>
          </div>
        </div>
        {error && !preview && <Alert role="alert" type="error" showIcon title={error} />}
      </Card>
      {preview && (
        <Card className="block-gap">
          <ImportPreview result={preview.result} />
          <div className="sticky-actions">
            <span className="text-muted">{t.confirmImportHint}</span>
            <Button
              type="primary"
              onClick={() => void confirm()}
              loading={busy === 'save'}
              disabled={preview.result.counts.measures === 0}
              aria-describedby={stats?.unknown ? 'unknown-note' : undefined}
            >
              {t.confirmImport}
            </Button>
          </div>
          {error && <Alert role="alert" type="error" showIcon title={error} className="block-gap" />}
          {stats && stats.unknown > 0 && (
            <p id="unknown-note" className="text-muted">
              {t.unknownHint}
            </p>
          )}
        </Card>
      )}
    </>
  );
}

import { Alert, Button, Collapse, Descriptions, Space, Tag } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ImportResult, ParsedMeasure } from '../api.ts';
import { t } from '../strings.ts';
import { chipsFromParsed, MeasureFacts } from './MeasureFacts.tsx';

const isUnknown = (r: { unitId: string | null; group?: string }) => !r.unitId && !r.group;
const unknownIn = (m: ParsedMeasure) => [...m.lead, ...m.responsible].filter(isUnknown).length;
const perUseIn = (m: ParsedMeasure) => m.responsible.some((r) => !r.unitId && !!r.group);

/** Counts over the whole preview: unknown names, measures needing a per-use choice. */
export function previewStats(result: ImportResult) {
  const measures = result.parsed.areas.flatMap((a) => a.subtasks.flatMap((s) => s.measures));
  return {
    unknown: measures.reduce((n, m) => n + unknownIn(m), 0),
    perUse: measures.filter(perUseIn).length,
  };
}

function MeasureItem({ m }: { m: ParsedMeasure }) {
  const unknown = unknownIn(m);
  return (
    <li className={unknown ? 'preview-measure has-unknown' : 'preview-measure'} data-seq={m.globalSeq}>
      <div className="preview-measure-head">
        <span className="measure-seq">{t.measureNo(m.globalSeq)}</span>
        {unknown > 0 && <Tag color="#a8071a">{t.unknownCount(unknown)}</Tag>}
      </div>
      <p className="measure-text">{m.text}</p>
      <MeasureFacts
        facts={{
          lead: chipsFromParsed(m.lead),
          responsible: chipsFromParsed(m.responsible),
          deadlines: m.deadlines,
          disclosurePaths: m.disclosurePaths,
          otherChannels: m.otherChannels,
          targets: m.targets,
          columnInstructions: m.columnInstructions,
        }}
      />
    </li>
  );
}

/**
 * What the importer read, before anything is saved: the counts, the notice's header, every warning
 * and the areas → sub-tasks → measures with their units (unknown ones marked), deadlines, paths and
 * targets. Areas holding an unknown name open by themselves.
 */
export function ImportPreview({ result }: { result: ImportResult }) {
  const { parsed, counts } = result;
  const stats = previewStats(result);
  const areaKeys = parsed.areas.map((a) => String(a.seq));
  const initiallyOpen = useMemo(() => {
    const withProblems = parsed.areas.filter((a) => a.subtasks.some((s) => s.measures.some((m) => unknownIn(m) > 0))).map((a) => String(a.seq));
    return withProblems.length ? withProblems : areaKeys.slice(0, 1);
    // The preview object changes only on a new preview.
  }, [result]);
  const [open, setOpen] = useState<string[]>(initiallyOpen);
  const heading = useRef<HTMLHeadingElement>(null);
  // A new preview is where the work continues: bring it into view and tell screen readers.
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus({ preventScroll: true });
  }, [result]);

  return (
    <section aria-labelledby="preview-title" className="import-preview">
      <h2 id="preview-title" className="card-title block-gap" ref={heading} tabIndex={-1}>
        {t.previewTitle}
      </h2>
      <Alert
        type={stats.unknown ? 'warning' : 'success'}
        showIcon
        className="block-gap"
        title={<span data-testid="import-counts">{t.counts(counts.areas, counts.subtasks, counts.measures)}</span>}
        description={
          <ul className="issue-list">
            <li data-testid="import-unknown">{t.unknownCount(stats.unknown)}</li>
            {stats.perUse > 0 && <li>{t.perUseCount(stats.perUse)}</li>}
            {stats.unknown > 0 && <li>{t.unknownHint}</li>}
            <li>{t.previewNotSaved}</li>
          </ul>
        }
      />
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 1, md: 2 }}
        styles={{ label: { whiteSpace: 'nowrap' } }}
        className="block-gap"
        items={[
          { key: 'title', label: t.metaTitle, children: parsed.title ?? '—', span: 2 },
          { key: 'year', label: t.metaYear, children: parsed.year ?? '—' },
          { key: 'issuer', label: t.metaIssuer, children: parsed.issuer ?? '—' },
          { key: 'date', label: t.metaIssueDate, children: parsed.issueDate ?? '—' },
          { key: 'doc', label: t.metaDocNumber, children: parsed.docNumber ?? '—' },
        ]}
      />
      <Alert
        type={parsed.warnings.length ? 'warning' : 'info'}
        showIcon
        className="block-gap"
        title={parsed.warnings.length ? t.warningsTitle(parsed.warnings.length) : t.noWarnings}
        description={
          parsed.warnings.length ? (
            <ol className="issue-list" data-testid="import-warnings">
              {parsed.warnings.map((w, i) => (
                <li key={i}>
                  {w.row ? `${t.warningRow(w.row)}：` : ''}
                  {w.message}
                </li>
              ))}
            </ol>
          ) : undefined
        }
      />
      <Space className="block-gap" wrap>
        <Button size="small" onClick={() => setOpen(areaKeys)}>
          {t.expandAll}
        </Button>
        <Button size="small" onClick={() => setOpen([])}>
          {t.collapseAll}
        </Button>
      </Space>
      <Collapse
        activeKey={open}
        onChange={(keys) => setOpen(keys as string[])}
        items={parsed.areas.map((a) => {
          const measures = a.subtasks.flatMap((s) => s.measures);
          const unknown = measures.reduce((n, m) => n + unknownIn(m), 0);
          return {
            key: String(a.seq),
            label: (
              <span className="area-head">
                <span className="area-title">
                  {a.label ? `${a.label}、` : ''}
                  {a.title}
                </span>
                <span className="area-meta">{t.areaMeta(a.subtasks.length, measures.length)}</span>
                {unknown > 0 && <Tag color="#a8071a">{t.unknownCount(unknown)}</Tag>}
              </span>
            ),
            children: a.subtasks.map((s) => (
              <section key={s.seq} className="preview-subtask">
                <h3 className="subtask-title">
                  {s.label ? `（${s.label}）` : ''}
                  {s.title}
                </h3>
                <ol className="preview-measures">
                  {s.measures.map((m) => (
                    <MeasureItem key={m.globalSeq} m={m} />
                  ))}
                </ol>
              </section>
            )),
          };
        })}
      />
    </section>
  );
}

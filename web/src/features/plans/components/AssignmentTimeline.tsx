import { LinkOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Empty, Timeline } from 'antd';
import { formatDateTime } from '../../../lib/format.ts';
import { urls, type CheckEntry, type Evidence, type ReportEntry } from '../api.ts';
import { t } from '../strings.ts';

/** A report's 佐证材料; `labelled` false where the place around it already says 佐证材料 (the check dialog's row). */
export function EvidenceList({ evidence, labelled = true }: { evidence: Evidence[]; labelled?: boolean }) {
  if (!evidence.length) return null;
  return (
    <div className="evidence">
      {labelled && <span className="evidence-label">{t.evidenceLabel}：</span>}
      <ul className="evidence-list">
        {evidence.map((e, i) => (
          <li key={i}>
            {e.kind === 'link' ? (
              <a href={e.url} target="_blank" rel="noopener noreferrer">
                <LinkOutlined aria-hidden /> {e.title}
              </a>
            ) : (
              <a href={urls.file(e.fileId)}>
                <PaperClipOutlined aria-hidden /> {t.fileEvidence(e.name)}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ReportItem({ r }: { r: ReportEntry }) {
  return (
    <div className="timeline-entry" data-entry="report">
      <div className="timeline-head">
        <strong>{t.reportBy(r.by, t.assignmentStatus[r.status] ?? r.status)}</strong>
        <time dateTime={r.at} className="text-muted">
          {formatDateTime(r.at)}
        </time>
      </div>
      <p className="timeline-body">{r.summary}</p>
      {r.completedOn && <div className="cell-note">{t.completedOn(r.completedOn)}</div>}
      {r.reason && <div className="cell-note">{t.reasonLine(r.reason)}</div>}
      <EvidenceList evidence={r.evidence} />
    </div>
  );
}

function CheckItem({ c }: { c: CheckEntry }) {
  return (
    <div className="timeline-entry" data-entry={`check-${c.decision}`}>
      <div className="timeline-head">
        <strong>{t.checkBy(c.by, t.decision[c.decision])}</strong>
        <time dateTime={c.at} className="text-muted">
          {formatDateTime(c.at)}
        </time>
      </div>
      {c.comment && <p className="timeline-body">{t.commentLine(c.comment)}</p>}
      {c.newDueDate && <div className="cell-note">{t.newDueLine(c.newDueDate)}</div>}
    </div>
  );
}

/** Reports and checks of one assignment, oldest first: what the unit said, what the lead unit decided. */
export function AssignmentTimeline({ unitName, entries }: { unitName: string; entries: (ReportEntry | CheckEntry)[] }) {
  if (!entries.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.timelineEmpty} />;
  return (
    <section aria-label={t.timelineTitle(unitName)} className="assignment-timeline">
      <Timeline
        items={entries.map((e) => ({
          key: e.id,
          // Explicit colours: antd's "blue" follows the theme's red primary colour.
          color: e.type === 'report' ? '#1d4e89' : e.decision === 'accept' ? '#237804' : '#a8071a',
          content: e.type === 'report' ? <ReportItem r={e} /> : <CheckItem c={e} />,
        }))}
      />
    </section>
  );
}

import type { AnnualReport } from '../api.ts';
import { t } from '../strings.ts';

/** Sections 二 (the normative-document table), 三 and 四 as the system computed them, read-only. */
export function NormativeTable({ report }: { report: AnnualReport }) {
  const n = report.figures.section2.normative;
  return (
    <table className="report-table">
      <caption>{t.sections.two}</caption>
      <thead>
        <tr>{t.normative.head.map((h) => <th key={h} scope="col">{h}</th>)}</tr>
      </thead>
      <tbody>
        {t.normative.kinds.map((k) => (
          <tr key={k}>
            <th scope="row">{k}</th>
            {n[k].map((v, i) => <td key={i}>{v}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Section3Table({ report }: { report: AnnualReport }) {
  const s = report.figures.section3;
  return (
    <div className="report-table-scroll" role="region" aria-label={t.sections.three} tabIndex={0}>
      <table className="report-table">
        <caption>{t.sections.three}</caption>
        <thead>
          <tr>
            <th scope="col">项目</th>
            {s.columns.map((c) => <th key={c} scope="col">{c}</th>)}
          </tr>
        </thead>
        <tbody>
          {report.section3Lines.map((l) => (
            <tr key={l.label} className={l.key === 'total' ? 'report-total' : undefined}>
              <th scope="row" style={{ paddingLeft: 8 + l.level * 16 }} colSpan={l.key ? 1 : s.columns.length + 1}>{l.label}</th>
              {l.key && (s.rows[l.key] ?? []).map((v, i) => <td key={i}>{v}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Section4Table({ report }: { report: AnnualReport }) {
  const s = report.figures.section4;
  const rows = [
    [t.reviewCol, s.review],
    [t.direct, s.litigationDirect],
    [t.afterReview, s.litigationAfterReview],
  ] as const;
  return (
    <table className="report-table">
      <caption>{t.sections.four}</caption>
      <thead>
        <tr>
          <th scope="col">类别</th>
          {t.results.map((r) => <th key={r} scope="col">{r}</th>)}
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, v]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            {v.map((x, i) => <td key={i}>{x}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

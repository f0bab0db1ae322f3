import { Fragment } from 'react';
import { api, type ReportBlock, type ReportCell } from '../api.ts';
import { AsyncView } from '../lib/async-view.tsx';
import { useAsync } from '../lib/use-async.ts';

function Cell({ cell, header }: { cell: ReportCell; header: boolean }) {
  const props = {
    ...(cell.colSpan && cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}),
    ...(cell.rowSpan && cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
    style: {
      textAlign: cell.align ?? (header ? 'center' : 'left'),
      fontWeight: cell.bold || header ? 600 : 400,
    } as const,
  };
  return header ? <th {...props}>{cell.text}</th> : <td {...props}>{cell.text}</td>;
}

function Attachment({ block }: { block: Extract<ReportBlock, { kind: 'attachment' }> }) {
  return (
    <section className="report-attachment">
      <p className="report-attachment-label">{block.label}</p>
      <h2 className="report-attachment-title">{block.title}</h2>
      {block.unitLine && <p className="report-unit-line">{block.unitLine}</p>}
      {block.tables.map((t, ti) => (
        <table key={ti}>
          <colgroup>
            {t.columns.map((w, i) => (
              <col
                key={i}
                style={{ width: `${(100 * w) / t.columns.reduce((a, b) => a + b, 0)}%` }}
              />
            ))}
          </colgroup>
          <thead>
            {t.rows.slice(0, t.headerRows).map((row, ri) => (
              <tr key={ri}>
                {row.map((c, ci) => (
                  <Cell key={ci} cell={c} header />
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {t.rows.slice(t.headerRows).map((row, ri) => (
              <tr key={ri}>
                {row.map((c, ci) => (
                  <Cell key={ci} cell={c} header={false} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      {block.notes.map((n, i) => (
        <p key={i} className="report-note">
          {n}
        </p>
      ))}
      <p className="report-sign-off">{block.signOff}</p>
    </section>
  );
}

/**
 * The report as a page: exactly the blocks the Word report is written from (the same outline,
 * numbering, figures and attachment tables), so what is previewed is what is downloaded.
 */
export function ReportPreview({ blocks }: { blocks: readonly ReportBlock[] }) {
  return (
    <article className="report-page" aria-label="报告预览">
      {blocks.map((b, i) => (
        <Fragment key={i}>
          {b.kind === 'title' && <h1>{b.text}</h1>}
          {b.kind === 'heading' &&
            (b.level === 1 ? (
              <h2>{`${b.number}${b.text}`}</h2>
            ) : b.level === 2 ? (
              <h3>{`${b.number}${b.text}`}</h3>
            ) : (
              <h4>{`${b.number}${b.text}`}</h4>
            ))}
          {b.kind === 'paragraph' && (
            <p
              style={{
                ...(b.align ? { textAlign: b.align } : {}),
                ...(b.indent === false || b.align ? { textIndent: 0 } : {}),
              }}
            >
              {b.text}
            </p>
          )}
          {b.kind === 'attachment' && <Attachment block={b} />}
        </Fragment>
      ))}
    </article>
  );
}

/** The saved report of an evaluation, loaded from the server (after `before`, e.g. a save). */
export function EvaluationReport({
  id,
  version,
  before,
}: {
  id: string | number;
  version: number;
  before?: () => Promise<unknown>;
}) {
  const state = useAsync(async () => {
    if (before) await before();
    return api.report(id);
  }, [id, version]); // a new version (a save) loads the report again
  return <AsyncView state={state}>{(r) => <ReportPreview blocks={r.blocks} />}</AsyncView>;
}

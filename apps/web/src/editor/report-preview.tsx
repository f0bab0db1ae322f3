import { Fragment } from 'react';
import {
  FUND_ROW_KEYS,
  FUND_ROW_LABELS,
  formatFen,
  type Amount,
  type Evaluation,
  type IndicatorNode,
  type Percent,
  type ScoreSheet,
} from '@jixiao/domain';

const money = (a: Amount | undefined) => (a ? formatFen(a.fen, '万元') : '');
const pct = (p: Percent | undefined) => (p ? `${p.value.toFixed(p.decimals)}%` : '');
const NUMS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function IndicatorRows({
  nodes,
  sheet,
  prefix,
  depth,
}: {
  nodes: readonly IndicatorNode[];
  sheet: ScoreSheet | null;
  prefix: string;
  depth: number;
}) {
  return (
    <>
      {nodes.map((n, i) => {
        const path = `${prefix}[${i}]`;
        const computed = sheet?.nodes.find((s) => s.path === path)?.computedScore;
        return (
          <Fragment key={path}>
            <tr>
              <td style={{ paddingLeft: 6 + depth * 16, fontWeight: n.children ? 600 : 400 }}>
                {n.name}
              </td>
              <td>{n.target?.text ?? ''}</td>
              <td>{n.actual?.text ?? ''}</td>
              <td>{n.weight ?? ''}</td>
              <td>{n.score ?? ''}</td>
              <td>{computed ?? ''}</td>
              <td>{n.deviationReason ?? ''}</td>
            </tr>
            {n.children && (
              <IndicatorRows
                nodes={n.children}
                sheet={sheet}
                prefix={`${path}.children`}
                depth={depth + 1}
              />
            )}
          </Fragment>
        );
      })}
    </>
  );
}

/** The report as a page, in the order of the published reports (a preview, not the .docx). */
export function ReportPreview({ body, sheet }: { body: Evaluation; sheet: ScoreSheet | null }) {
  let chapter = 0;
  const h = (title: string) => <h2>{`${NUMS[chapter++] ?? chapter}、${title}`}</h2>;
  const title =
    body.meta.title ??
    `${body.meta.unitName}${body.meta.year}年度${body.kind === 'department' ? '部门整体支出' : '项目支出'}绩效自评报告`;
  return (
    <article className="report-page" aria-label="报告预览">
      <h1>{title}</h1>
      {body.meta.legalBasis.length > 0 && (
        <p>根据{body.meta.legalBasis.join('、')}的要求，现将自评情况报告如下。</p>
      )}
      {body.kind === 'department' && (
        <>
          {h('基本情况')}
          {body.duties.map((d, i) => (
            <p key={i}>{`${i + 1}. ${d}`}</p>
          ))}
          {body.staffing.authorized !== undefined && (
            <p>
              编制数{body.staffing.authorized}人，实际在职{body.staffing.actual ?? '—'}人
              {body.staffing.retired !== undefined ? `，离退休${body.staffing.retired}人` : ''}。
            </p>
          )}
          {h('一般公共预算支出情况')}
          {body.basicExpenditure.actual && (
            <p>
              基本支出{money(body.basicExpenditure.actual)}万元
              {body.basicExpenditure.statedCompletion
                ? `，完成预算的${pct(body.basicExpenditure.statedCompletion)}`
                : ''}
              。
            </p>
          )}
          {body.projectExpenditure.actual && (
            <p>
              项目支出{money(body.projectExpenditure.actual)}万元
              {body.projectExpenditure.projects.length > 0
                ? `，共${body.projectExpenditure.projects.length}个项目`
                : ''}
              。
            </p>
          )}
          {body.projectExpenditure.projects.map((p, i) => (
            <p key={i}>
              {`${i + 1}. ${p.name}${p.actual ? ` ${money(p.actual)}万元` : ''}${p.statedShare ? `，占项目支出的${pct(p.statedShare)}` : ''}${p.purpose ? `，${p.purpose}` : ''}。`}
            </p>
          ))}
        </>
      )}
      {h('绩效自评情况')}
      <p>
        自评得分{body.stated.total ?? '—'}分
        {body.stated.grade ? `，等级为“${body.stated.grade}”` : ''}
        {sheet
          ? `（按指标体系计算为${sheet.total}分${sheet.grade ? `，${sheet.grade}` : ''}）`
          : ''}
        。
      </p>
      <table>
        <thead>
          <tr>
            <th>项目</th>
            <th>年初预算数</th>
            <th>全年预算数</th>
            <th>全年执行数</th>
            <th>执行率</th>
          </tr>
        </thead>
        <tbody>
          {FUND_ROW_KEYS.filter((k) => body.funds[k]).map((k) => {
            const r = body.funds[k];
            return (
              <tr key={k}>
                <td>{FUND_ROW_LABELS[k]}</td>
                <td>{money(r?.initialBudget)}</td>
                <td>{money(r?.budget)}</td>
                <td>{money(r?.executed)}</td>
                <td>{pct(r?.statedRate)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <table>
        <thead>
          <tr>
            <th>指标</th>
            <th>年度指标值</th>
            <th>实际完成值</th>
            <th>分值</th>
            <th>得分</th>
            <th>计算得分</th>
            <th>偏差原因</th>
          </tr>
        </thead>
        <tbody>
          <IndicatorRows nodes={body.indicators} sheet={sheet} prefix="indicators" depth={0} />
        </tbody>
      </table>
      {body.chapters
        .filter((c) => c.paragraphs.some((p) => p.trim() !== ''))
        .map((c) => (
          <section key={c.key}>
            {h(c.title ?? c.key)}
            {c.paragraphs.map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </section>
        ))}
      <p style={{ textAlign: 'right', marginTop: 32 }}>
        {body.meta.unitName}
        {body.meta.reportDate ? (
          <>
            <br />
            {body.meta.reportDate}
          </>
        ) : null}
      </p>
    </article>
  );
}

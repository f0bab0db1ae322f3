import { describe, expect, it } from 'vitest';
import { readHtml } from '../read/read-html.ts';
import { extractEvaluation } from './extract-evaluation.ts';
import { leaves } from './table-testing.ts';

const HEADER =
  '<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td><td>偏差原因分析及改进措施</td></tr>';
const row = (cells: string[]): string => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;

/** A page of html: the fund block, the indicators' first page, 续表, the rest (its header kept). */
function page(second: string[], total: string, header = true): string {
  return [
    '<html><body><p>某县教育局2024年度部门整体支出绩效自评表</p><p>单位：万元</p>',
    '<table border="1">',
    row(['项目', '全年预算数', '全年执行数', '执行率', '分值', '得分']),
    row(['年度资金总额', '1,000.00', '980.00', '98.00%', '10', '9.8']),
    '</table><table border="1">',
    HEADER,
    '<tr><td rowspan="2">产出指标</td><td rowspan="2">数量指标</td><td>资助人数</td><td>≥600人</td><td>610人</td><td>25</td><td>25</td><td></td></tr>',
    row(['教师培训人次', '≥120人次', '126人次', '25', '25', '']),
    '</table><p>第 1 页 共 2 页</p><p>续表</p><table border="1">',
    ...(header ? [HEADER] : []),
    ...second,
    total,
    '</table></body></html>',
  ].join('\n');
}

function read(html: string) {
  const r = readHtml(new TextEncoder().encode(html), 'f.html');
  if (!r.ok) throw new Error('html not read');
  return extractEvaluation(r.document);
}

describe('an indicator table continued on the next page as a table of its own', () => {
  it('joins the table before it, which its 总分 row closes', () => {
    const report = read(
      page(
        [
          '<tr><td>效益指标</td><td>社会效益指标</td><td>入学率</td><td>≥99%</td><td>99.5%</td><td>30</td><td>30</td><td></td></tr>',
          '<tr><td>满意度指标</td><td>服务对象满意度</td><td>家长满意度</td><td>≥90%</td><td>93%</td><td>10</td><td>10</td><td></td></tr>',
        ],
        row(['总分', '', '', '', '', '100', '99.8', '']),
      ),
    );
    const t = report.selfEvaluationTables[0];
    expect(report.selfEvaluationTables).toHaveLength(1);
    expect(t?.indicators.map((n) => n.name)).toEqual(['产出指标', '效益指标', '满意度指标']);
    expect(t?.statedTotal?.value).toBe(99.8);
  });

  it('joins the table before it when the header is not repeated on the new page', () => {
    const report = read(
      page(
        [
          '<tr><td>效益指标</td><td>社会效益指标</td><td>入学率</td><td>≥99%</td><td>99.5%</td><td>30</td><td>30</td><td></td></tr>',
          '<tr><td>满意度指标</td><td>服务对象满意度</td><td>家长满意度</td><td>≥90%</td><td>93%</td><td>10</td><td>10</td><td></td></tr>',
        ],
        row(['总分', '', '', '', '', '100', '99.8', '']),
        false,
      ),
    );
    const t = report.selfEvaluationTables[0];
    expect(report.selfEvaluationTables).toHaveLength(1);
    expect(t?.indicators.map((n) => n.name)).toEqual(['产出指标', '效益指标', '满意度指标']);
    expect(leaves(t?.indicators ?? [])).toEqual([
      '资助人数 ≥600人 610人 25/25',
      '教师培训人次 ≥120人次 126人次 25/25',
      '入学率 ≥99% 99.5% 30/30',
      '家长满意度 ≥90% 93% 10/10',
    ]);
    expect(t?.statedTotal?.value).toBe(99.8);
  });

  it('goes on in the group the page break cut, its name repeated at the top of the page', () => {
    const report = read(
      page(
        [
          '<tr><td>产出指标</td><td>数量指标</td><td>校舍维修面积</td><td>≥500平方米</td><td>512平方米</td><td>40</td><td>40</td><td></td></tr>',
        ],
        row(['总分', '', '', '', '', '100', '99.8', '']),
      ),
    );
    const t = report.selfEvaluationTables[0];
    expect(t?.indicators.map((n) => n.name)).toEqual(['产出指标']);
    expect(leaves(t?.indicators ?? [])).toHaveLength(3);
  });
});

import { describe, expect, it } from 'vitest';
import {
  DepartmentEvaluation,
  amount,
  formatFen,
  formatPoints,
  parseExpression,
  percent,
} from '@jixiao/domain';
import type { Amount, ScoreSheet } from '@jixiao/domain';
import fixture004 from '../../../../fixtures/evaluations/004_66e78293cd0851a8.json' with { type: 'json' };
import { extractEvaluation } from '../extract/index.ts';
import { readDocument } from '../read/index.ts';
import { renderProjectDocx, renderReportDocx } from './render-report.ts';
import {
  bodyParagraphs,
  docxParts,
  generatedEvaluation,
  statedScoreSheet,
  tables,
  xmlText,
} from './test-support.ts';

const e004 = DepartmentEvaluation.parse(fixture004);
const sheet004 = statedScoreSheet(e004);

async function render004(options = {}) {
  return docxParts(await renderReportDocx(e004, sheet004, options));
}

/** Every Amount anywhere in a value, found by shape. */
function amountsIn(value: unknown, out: Amount[] = []): Amount[] {
  if (Array.isArray(value)) for (const v of value) amountsIn(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o['fen'] === 'number' && typeof o['unit'] === 'string') out.push(o as Amount);
    else for (const v of Object.values(o)) amountsIn(v, out);
  }
  return out;
}

describe('renderReportDocx page layout (GB/T 9704)', () => {
  it('sets A4 with margins 37/28/26/35 mm in twips on every section', async () => {
    const { document } = await render004();
    const margins = [...document.matchAll(/<w:pgMar [^>]*>/g)].map((m) => m[0]);
    expect(margins.length).toBeGreaterThanOrEqual(4);
    for (const m of margins) {
      expect(m).toContain('w:top="2098"');
      expect(m).toContain('w:left="1587"');
      expect(m).toContain('w:right="1474"');
      expect(m).toContain('w:bottom="1984"');
    }
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toContain('w:linePitch="579"');
  });

  it('names the official fonts for East Asian text at the official sizes', async () => {
    const { styles } = await render004();
    const style = (id: string) => {
      const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles);
      if (!m) throw new Error(`style ${id} missing`);
      return m[0];
    };
    expect(style('Title')).toContain('w:eastAsia="方正小标宋简体"');
    expect(style('Title')).toContain('<w:sz w:val="44"/>');
    expect(style('Title')).toContain('<w:jc w:val="center"/>');
    expect(style('Heading1')).toContain('w:eastAsia="黑体"');
    expect(style('Heading2')).toContain('w:eastAsia="楷体_GB2312"');
    expect(style('Heading3')).toContain('w:eastAsia="仿宋_GB2312"');
    expect(style('Heading4')).toContain('w:eastAsia="仿宋_GB2312"');
    for (const h of ['Heading1', 'Heading2', 'Heading3', 'Heading4'])
      expect(style(h)).toContain('<w:sz w:val="32"/>');
    expect(style('BodyText')).toContain('w:firstLine="640"');
    expect(style('PageNumber')).toContain('w:eastAsia="宋体"');
    expect(style('PageNumber')).toContain('<w:sz w:val="28"/>');
    // document defaults: 仿宋_GB2312 三号, exact 28.95 pt lines
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
    expect(defaults).toContain('w:eastAsia="仿宋_GB2312"');
    expect(defaults).toContain('<w:sz w:val="32"/>');
    expect(defaults).toMatch(/w:line="579" w:lineRule="exact"/);
  });

  it('puts page numbers "— n —" right on odd and left on even pages by default', async () => {
    const { footers, settings } = await render004();
    expect(settings).toMatch(/<w:evenAndOddHeaders(?! w:val="false")/);
    expect(footers.some((f) => f.includes('<w:jc w:val="right"/>'))).toBe(true);
    expect(footers.some((f) => f.includes('<w:jc w:val="left"/>'))).toBe(true);
    for (const f of footers) {
      expect(xmlText(f)).toBe('—  —');
      expect(f).toContain('PAGE');
    }
  });

  it('centres page numbers on request, bolds headings and turns wide tables landscape', async () => {
    const { footers, settings, styles, document } = await render004({
      pageNumberPosition: 'center',
      boldHeadings: true,
      landscapeWideTables: true,
    });
    expect(settings).not.toMatch(/<w:evenAndOddHeaders(?! w:val="false")/);
    expect(footers.every((f) => f.includes('<w:jc w:val="center"/>'))).toBe(true);
    expect(/w:styleId="Heading1"[\s\S]*?<w:b\/>[\s\S]*?<\/w:style>/.test(styles)).toBe(true);
    expect(document).toContain('w:orient="landscape"');
    const plain = await render004();
    expect(plain.document).not.toContain('w:orient="landscape"');
  });
});

describe('renderReportDocx content', () => {
  it('numbers headings itself: 一、二、… at level 1, （一）… restarting under each chapter', async () => {
    const { document } = await render004();
    const paras = bodyParagraphs(document);
    const h1 = paras.filter((p) => p.style === 'Heading1').map((p) => p.text);
    expect(h1.slice(0, 10).map((t) => /^(.+?)、/.exec(t)?.[1])).toEqual([
      '一',
      '二',
      '三',
      '四',
      '五',
      '六',
      '七',
      '八',
      '九',
      '十',
    ]);
    expect(h1[0]).toBe('一、部门（单位）基本情况');
    expect(h1[1]).toBe('二、一般公共预算支出情况');
    expect(h1[5]).toBe('六、部门整体支出绩效情况');
    // level 2 restarts after each level 1; level 3 after each level 2
    let expected2 = 0;
    let expected3 = 0;
    for (const p of paras) {
      if (p.style === 'Heading1') expected2 = 0;
      if (p.style === 'Heading2') {
        expected2++;
        expected3 = 0;
        const n = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][expected2 - 1];
        expect(p.text.startsWith(`（${n}）`)).toBe(true);
      }
      if (p.style === 'Heading3') {
        expected3++;
        expect(p.text.startsWith(`${expected3}.`)).toBe(true);
      }
    }
    expect(paras.filter((p) => p.style === 'Heading4')[0]?.text).toBe('（1）积极开展理论学习.培训');
    expect(paras[0]).toEqual({ style: 'Title', text: e004.meta.title });
  });

  it('writes the 执行率 that was entered where the amounts give another', async () => {
    const entered = DepartmentEvaluation.parse(structuredClone(fixture004));
    const total = entered.funds.total;
    if (!total) throw new Error('fixture without a fund total');
    total.statedRate = { value: 87.5, decimals: 1, text: '87.5%' };
    const parts = await docxParts(await renderReportDocx(entered, statedScoreSheet(entered)));
    const text = bodyParagraphs(parts.document)
      .map((p) => p.text)
      .join('\n');
    expect(text).toContain('全年预算数1013.19万元，全年执行数1013.19万元，预算执行率87.5%');
    const summary = tables(parts.document)[1];
    const row = summary?.rows.find((r) => r.some((c) => c.text === '年度资金总额'));
    expect(row?.map((c) => c.text)).toContain('87.5%');
    expect(row?.map((c) => c.text)).not.toContain('100.00%');
  });

  it('numbers the duties itself, replacing a number typed before one but not a figure it starts with', async () => {
    const entered = DepartmentEvaluation.parse(structuredClone(fixture004));
    entered.duties = ['3、负责机关文电工作。', '1.5万平方米办公用房的管理。', '2．督查督办。'];
    entered.chapters.unshift({ key: 'problems', title: '3.5万元结余的原因', paragraphs: [] });
    const text = bodyParagraphs(
      (await docxParts(await renderReportDocx(entered, undefined))).document,
    )
      .map((p) => p.text)
      .join('\n');
    expect(text).toContain('1.负责机关文电工作。\n2.1.5万平方米办公用房的管理。\n3.督查督办。');
    expect(text).toContain('、3.5万元结余的原因');
  });

  it('states the completions, shares, count and control rate entered where the amounts give others', async () => {
    const entered = DepartmentEvaluation.parse(structuredClone(fixture004));
    const bx = entered.basicExpenditure;
    if (!bx.personnel || !bx.publicFunds || !entered.baseData?.staffing)
      throw new Error('fixture changed');
    bx.statedCompletion = percent('87.5%');
    bx.personnel.statedShare = percent('70%');
    // 273.10 / 861.24 = 31.7100…%: an entered 31.7% agrees and is written as computed
    bx.publicFunds.statedShare = percent('31.7%');
    entered.projectExpenditure.statedCount = 5;
    const [first] = entered.projectExpenditure.projects;
    if (!first) throw new Error('fixture changed');
    first.actual = amount('20'); // 13.16% of 151.95
    first.statedShare = percent('12%');
    entered.baseData.staffing.statedControlRate = percent('90%');
    const parts = await docxParts(await renderReportDocx(entered, undefined));
    const text = bodyParagraphs(parts.document)
      .map((p) => p.text)
      .join('\n');
    expect(text).toContain('基本支出预算安排861.24万元，实际支出861.24万元，完成预算安排的87.5%。');
    expect(text).toContain(
      '其中：人员经费支出588.14万元，占基本支出的70%；公用经费支出273.10万元，占基本支出的31.71%。',
    );
    expect(text).toContain('项目共5项，具体如下：');
    expect(text).toContain(`1.${first.name}：支出20.00万元，占项目支出的12%。`);
    const base = tables(parts.document)[0];
    const staffing = base?.rows[1]?.map((c) => c.text);
    expect(staffing).toEqual(['', '30', '30', '90%']);
  });

  it("writes a project line's purpose once, whether or not the unit typed 主要用于 before it", async () => {
    const entered = DepartmentEvaluation.parse(structuredClone(fixture004));
    const [first, second] = entered.projectExpenditure.projects;
    if (!first || !second) throw new Error('fixture changed');
    Object.assign(first, { actual: amount('20'), purpose: '主要用于机关文电运转。' });
    Object.assign(second, { actual: amount('30'), purpose: '督查督办' });
    const text = bodyParagraphs(
      (await docxParts(await renderReportDocx(entered, undefined))).document,
    )
      .map((p) => p.text)
      .join('\n');
    expect(text).toContain(
      `1.${first.name}：支出20.00万元，占项目支出的13.16%，主要用于机关文电运转。`,
    );
    expect(text).toContain(
      `2.${second.name}：支出30.00万元，占项目支出的19.74%，主要用于督查督办。`,
    );
  });

  it('generates the budget sentences from the amounts, with ratios rounded half-up', async () => {
    const text = bodyParagraphs((await render004()).document)
      .map((p) => p.text)
      .join('\n');
    expect(text).toContain(
      '2023年基本支出预算安排861.24万元，实际支出861.24万元，完成预算安排的100.00%。',
    );
    // 588.14 / 861.24 = 68.2899…% and 273.10 / 861.24 = 31.7100…%
    expect(text).toContain(
      '其中：人员经费支出588.14万元，占基本支出的68.29%；公用经费支出273.10万元，占基本支出的31.71%。',
    );
    expect(text).toContain(
      '2023年全年预算安排1013.19万元，实际支出1013.19万元，完成预算安排的100.00%。',
    );
    // The execution indicator's entered actual after the rate its amounts give.
    expect(text).toContain(
      '全年预算数1013.19万元，全年执行数1013.19万元，预算执行率100.00%，实际完成值：100%，分值10分，得分10分，未扣分。',
    );
    expect(text).toContain('经自评，2023年度部门整体支出绩效自评得分99分，评价等级为“优”。');
    expect(text).toContain('年度指标值：≥60次，实际完成值：70次，分值5分，得分5分，未扣分。');
    expect(text).toContain('该项指标分值30分，得分29分，扣1分。');
  });

  it('writes "无。" under chapters with nothing to say', async () => {
    const e = DepartmentEvaluation.parse({
      ...fixture004,
      chapters: [],
      governmentFundBudget: undefined,
    });
    const paras = bodyParagraphs((await docxParts(await renderReportDocx(e, sheet004))).document);
    const after = (heading: string) =>
      paras[paras.findIndex((p) => p.text.endsWith(heading)) + 1]?.text;
    expect(after('政府性基金预算支出情况')).toBe('无。');
    expect(after('存在的问题及原因分析')).toBe('无。');
    expect(after('其他需要说明的情况')).toBe('无。');
  });

  it('prints computed scores by default and the stated ones on request', async () => {
    const sheet: ScoreSheet = {
      ...sheet004,
      total: 97.5,
      nodes: sheet004.nodes.map((n) =>
        n.name === '督促检查' ? { ...n, computedScore: 3.5, computedDeduction: 1.5 } : n,
      ),
    };
    const computed = bodyParagraphs((await docxParts(await renderReportDocx(e004, sheet))).document)
      .map((p) => p.text)
      .join('\n');
    expect(computed).toContain(
      '年度指标值：≥60次，实际完成值：70次，分值5分，得分3.5分，扣1.5分。',
    );
    expect(computed).toContain('自评得分97.5分');
    const stated = bodyParagraphs(
      (await docxParts(await renderReportDocx(e004, sheet, { figures: 'stated' }))).document,
    )
      .map((p) => p.text)
      .join('\n');
    expect(stated).toContain('分值5分，得分5分，未扣分。');
    expect(stated).toContain('自评得分99分');
  });

  it('states every amount of the evaluation, formatted in 万元 with two decimals', async () => {
    const { document } = await render004();
    const all = xmlText(document);
    const amounts = amountsIn(fixture004).map((a) => formatFen(a.fen as never, '万元', 2));
    expect(amounts.length).toBeGreaterThan(40);
    for (const a of new Set(amounts)) expect(all, a).toContain(a);
  });
});

describe('renderReportDocx attachments', () => {
  it('starts each attachment with its label and centred title', async () => {
    const paras = bodyParagraphs((await render004()).document);
    const labels = paras.filter((p) => p.style === 'AttachmentLabel').map((p) => p.text);
    expect(labels).toEqual(['附件1', '附件2', '附件3']);
    const titles = paras.filter((p) => p.style === 'TableTitle').map((p) => p.text);
    expect(titles).toEqual([
      '2023年度部门整体支出绩效评价基础数据表',
      '2023年度部门整体支出绩效自评表',
      '2023年度项目支出绩效自评表',
    ]);
    const signOffs = paras.filter((p) => p.style === 'SignOff' && p.text.startsWith('填表人'));
    expect(signOffs).toHaveLength(3);
    expect(signOffs[0]?.text).toContain('单位负责人（签字）：');
  });

  it('merges the base data table as the template does', async () => {
    const [base] = tables((await render004()).document);
    if (!base) throw new Error('no table');
    expect(base.rows[0]?.[0]).toMatchObject({ text: '财政供养人员情况（人）', vMerge: 'restart' });
    expect(base.rows[1]?.[0]).toMatchObject({ vMerge: 'continue' });
    expect(base.rows[1]?.map((c) => c.text)).toEqual(['', '30', '30', '100.00%']);
    const threePublic = base.rows.find((r) => r[0]?.text === '三公经费');
    expect(threePublic?.map((c) => [c.text, c.gridSpan])).toEqual([
      ['三公经费', 1],
      ['5.42', 2],
      ['5.32', 2],
      ['2.14', 2],
    ]);
    expect(base.rows.find((r) => r[0]?.text === '公用经费')?.map((c) => c.text)).toEqual([
      '公用经费',
      '317.25',
      '254.77',
      '254.77',
    ]);
  });

  it('merges the self-evaluation table: fund block, goals, 一级/二级 vertically, 总分', async () => {
    const all = tables((await render004()).document);
    const summary = all[1];
    const block = all[2];
    if (!summary || !block) throw new Error('missing tables');
    const fundHead = summary.rows.findIndex((r) => r[0]?.text === '年度预算申请（万元）');
    expect(summary.rows[fundHead]?.[0]?.vMerge).toBe('restart');
    for (let i = 1; i <= 7; i++) expect(summary.rows[fundHead + i]?.[0]?.vMerge).toBe('continue');
    const totalRow = summary.rows[fundHead + 1]?.map((c) => c.text);
    expect(totalRow).toEqual([
      '',
      '年度资金总额',
      '1105.56',
      '1013.19',
      '1013.19',
      '10',
      // The 100% entered agrees with the amounts: written as any computed rate is.
      '100.00%',
      '10',
    ]);
    const goals = summary.rows.find((r) => r[0]?.text === '年度总体目标');
    expect(goals?.map((c) => c.gridSpan)).toEqual([1, 4, 4]);

    expect(block.header[0]).toBe(true);
    expect(block.header.slice(1).some(Boolean)).toBe(false);
    expect(block.rows[0]?.map((c) => c.text)).toEqual([
      '绩效指标',
      '一级指标',
      '二级指标',
      '三级指标',
      '年度指标值',
      '实际完成值',
      '分值',
      '得分',
      '偏差原因分析及改进措施',
    ]);
    // 产出指标 spans its 7 leaves; 数量指标 its 3
    const out = block.rows[1];
    expect(out?.[1]).toMatchObject({ text: '产出指标（50分）', vMerge: 'restart' });
    expect(out?.[2]).toMatchObject({ text: '数量指标（15分）', vMerge: 'restart' });
    for (let i = 2; i <= 7; i++) expect(block.rows[i]?.[1]?.vMerge).toBe('continue');
    expect(block.rows[8]?.[1]).toMatchObject({ vMerge: 'restart' });
    expect(block.rows[2]?.[2]?.vMerge).toBe('continue');
    expect(block.rows[3]?.[2]?.vMerge).toBe('continue');
    expect(block.rows[4]?.[2]).toMatchObject({ text: '质量指标（15分）', vMerge: 'restart' });
    const total = block.rows.at(-1);
    expect(total?.map((c) => [c.text, c.gridSpan])).toEqual([
      ['总分', 6],
      ['100', 1],
      ['99', 1],
      ['等级：优', 1],
    ]);
  });

  it('writes the 度量单位 entered beside a figure that names no unit, in the table and the text', async () => {
    const entered = DepartmentEvaluation.parse(structuredClone(fixture004));
    const leaves = (nodes: typeof entered.indicators): typeof entered.indicators =>
      nodes.flatMap((n) => (n.children && n.children.length > 0 ? leaves(n.children) : [n]));
    const [bare, named, words] = leaves(entered.indicators).filter((l) => l.name !== '预算执行率');
    if (!bare || !named || !words) throw new Error('fixture changed');
    Object.assign(bare, {
      target: parseExpression('≥95'),
      actual: parseExpression('96.5'),
      unit: '%',
    });
    Object.assign(named, {
      target: parseExpression('≤3天'),
      actual: parseExpression('2天'),
      unit: '天',
    });
    Object.assign(words, {
      target: parseExpression('达到预期'),
      actual: parseExpression('优'),
      unit: '%',
    });
    const parts = await docxParts(
      await renderReportDocx(entered, undefined, { figures: 'stated' }),
    );
    const rows = tables(parts.document).flatMap((t) => t.rows.map((r) => r.map((c) => c.text)));
    const cells = (name: string) => rows.find((r) => r.includes(name))?.slice(-5, -3);
    expect(cells(bare.name)).toEqual(['≥95%', '96.5%']);
    expect(cells(named.name)).toEqual(['≤3天', '2天']);
    expect(cells(words.name)).toEqual(['达到预期', '优']);
    const text = bodyParagraphs(parts.document)
      .map((p) => p.text)
      .join('\n');
    expect(text).toContain('年度指标值：≥95%，实际完成值：96.5%，');
  });

  it('puts every leaf with its target, actual, weight and score in a table row', async () => {
    const all = tables((await render004()).document);
    const rows = all.flatMap((t) => t.rows.map((r) => r.map((c) => c.text)));
    const leaves = (nodes: typeof e004.indicators): typeof e004.indicators =>
      nodes.flatMap((n) => (n.children && n.children.length > 0 ? leaves(n.children) : [n]));
    const evaluations = [e004, ...e004.projectEvaluations];
    for (const ev of evaluations)
      for (const leaf of leaves(ev.indicators).filter((l) => l.name !== '预算执行率')) {
        const want = [
          leaf.target?.text ?? '',
          leaf.actual?.text ?? '',
          formatPoints(leaf.weight ?? 0),
          formatPoints(leaf.score ?? 0),
        ];
        const row = rows.find(
          (r) => r.includes(leaf.name) && JSON.stringify(r.slice(-5, -1)) === JSON.stringify(want),
        );
        expect(row, leaf.name).toBeDefined();
      }
  });
});

describe('renderProjectDocx', () => {
  it('writes a project report with its own table', async () => {
    const p = e004.projectEvaluations[0];
    if (!p) throw new Error('fixture has no project');
    const { document } = await docxParts(await renderProjectDocx(p, statedScoreSheet(p)));
    const paras = bodyParagraphs(document);
    expect(paras[0]?.text).toBe(`2023年度${p.projectName}项目支出绩效自评报告`);
    expect(paras.filter((x) => x.style === 'Heading1').map((x) => x.text)[0]).toBe(
      '一、项目基本情况',
    );
    expect(paras.map((x) => x.text).join('\n')).toContain(
      '全年预算数373.00万元，全年执行数373.00万元，预算执行率100.00%',
    );
    const [, block] = tables(document);
    expect(block?.rows.at(-1)?.[2]?.text).toBe('98');
  });
});

describe('renderProjectDocx narrative', () => {
  it("writes the unit's words on other budgets and on assets, which a project report left out", async () => {
    const p = structuredClone(e004.projectEvaluations[0]);
    if (!p) throw new Error('fixture has no project');
    p.chapters = [
      { key: 'otherBudgets', paragraphs: ['本项目无政府性基金预算支出。'] },
      { key: 'assets', paragraphs: ['项目形成固定资产12台，已登记入账。'] },
    ];
    const { document } = await docxParts(await renderProjectDocx(p, undefined));
    const paras = bodyParagraphs(document).map((x) => x.text);
    expect(paras).toContain('本项目无政府性基金预算支出。');
    expect(paras).toContain('项目形成固定资产12台，已登记入账。');
    expect(paras.filter((t) => /^[一二三四五六七八九十]+、资产管理情况$/.test(t))).toHaveLength(1);
  });
});

describe('the fund block of a 自评表', () => {
  it("keeps a project's own rows and adds every other row the unit filled", async () => {
    const p = structuredClone(e004.projectEvaluations[0]);
    if (!p) throw new Error('fixture has no project');
    p.funds.basic = { budget: amount('120.50'), executed: amount('118.25') };
    p.funds.sources = [{ name: '中央衔接资金', budget: amount('30'), executed: amount('30') }];
    p.funds.generalPublic = {};
    const { document } = await docxParts(await renderProjectDocx(p, undefined));
    const rows = (tables(document)[0]?.rows ?? []).map((r) => r.map((c) => c.text));
    const named = (label: string) => rows.find((r) => r.includes(label));
    expect(named('按支出性质分：基本支出')?.filter((t) => t !== '')).toEqual([
      '按支出性质分：基本支出',
      '120.50',
      '118.25',
      '98.13%',
    ]);
    expect(named('中央衔接资金')?.filter((t) => t !== '')).toEqual([
      '中央衔接资金',
      '30.00',
      '30.00',
      '100.00%',
    ]);
    // a row left empty is no row of a project's table; the project's own rows stay, in order
    expect(rows.some((r) => r.some((t) => t.includes('一般公共预算')))).toBe(false);
    expect(rows.some((r) => r.includes('项目支出'))).toBe(false);
    const order = [
      '年度资金总额',
      '其中：当年财政拨款',
      '上年结转资金',
      '其他资金',
      '中央衔接资金',
    ];
    expect(order.map((l) => rows.findIndex((r) => r.includes(l)))).toEqual(
      [...order.map((l) => rows.findIndex((r) => r.includes(l)))].sort((a, b) => a - b),
    );
  });

  it("writes a department's rows as before when it fills none of another kind", async () => {
    const { document } = await render004();
    const rows = (tables(document)[1]?.rows ?? []).map((r) => r.map((c) => c.text));
    const fundLabels = rows
      .map((r) =>
        r.find((t) =>
          /^(?:年度资金总额|其中：|按支出性质分：|政府性基金|纳入专户|其他资金|项目支出$)/.test(t),
        ),
      )
      .filter((t) => t !== undefined);
    expect(fundLabels).toEqual([
      '年度资金总额',
      '其中：一般公共预算',
      '政府性基金拨款',
      '纳入专户管理的非税收入拨款',
      '其他资金',
      '按支出性质分：基本支出',
      '项目支出',
    ]);
  });
});

describe('renderReportDocx at scale', () => {
  // How its time grows with size is measured by bench/render.ts (the scaling row), not here.
  it('renders 1,000 indicators and 200 projects', async () => {
    const big = generatedEvaluation(1000, 200);
    const { document } = await docxParts(await renderReportDocx(big, statedScoreSheet(big)));
    expect(xmlText(document)).toContain('指标1000');
    expect(tables(document)).toHaveLength(2 * 201);
  }, 120_000);
});

// GB/T 9704-2012 7.3.3: 正文“每个自然段左空二字，回行顶格”. A line a unit starts anew in a chapter
// is a natural paragraph of its own, indented two characters; a line break inside one paragraph
// would start a flush-left line mid-paragraph, which a 公文 shows only where a line wraps. So the
// writer writes a paragraph per line (blank lines left out) and the reader reads those
// paragraphs back as the chapter's paragraphs: one line each, as the editor edits them.
describe('a chapter paragraph written on several lines', () => {
  it('is a body paragraph per line, each indented two characters, and reads back as those paragraphs', async () => {
    const e = DepartmentEvaluation.parse(structuredClone(fixture004));
    const problems = e.chapters.find((c) => c.key === 'problems');
    if (!problems) throw new Error('the fixture has a problems chapter');
    problems.paragraphs = [
      '一是预算执行进度不均衡，第四季度支出占全年的42.5%。\n二是部分项目绩效目标不够细化。',
      '三是资产管理有待加强。\r\n\r\n四是 PM 2.5 监测点位偏少。',
    ];
    const bytes = await renderReportDocx(e, statedScoreSheet(e), { figures: 'stated' });
    const lines = problems.paragraphs.flatMap((p) => p.split(/\r\n?|\n/).filter((l) => l !== ''));
    const written = bodyParagraphs((await docxParts(bytes)).document);
    const at = written.findIndex((p) => p.text === lines[0]);
    expect(written.slice(at, at + lines.length)).toEqual(
      lines.map((text) => ({ style: 'BodyText', text })),
    );
    expect((await docxParts(bytes)).styles).toMatch(
      /<w:style [^>]*w:styleId="BodyText"[\s\S]*?<w:ind w:firstLine="/,
    );
    const read = readDocument(bytes, 'report.docx');
    if (!read.ok) throw new Error(read.error.message);
    const back = extractEvaluation(read.document).evaluation.chapters.find(
      (c) => c.key === 'problems',
    );
    expect(back?.paragraphs).toEqual(lines);
  });
});

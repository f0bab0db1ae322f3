// What a unit entered is what its documents state: many generated evaluations (awkward but valid
// values) are written as the platform writes them (.docx report with its tables, .xlsx tables) and
// read back, by the product's reader and by unzipping the XML, and every entered value is looked
// for as entered: texts verbatim, figures by the documented rounding rules.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readDocument } from '@jixiao/documents';
import { enteredEvaluation } from '@jixiao/documents/testing';
import { formatFen, formatPoints, ratioPercent, scoreEvaluation } from '@jixiao/domain';
import type {
  Amount,
  Evaluation,
  FundRow,
  IndicatorNode,
  MoneyUnit,
  Percent,
  ProjectEvaluation,
} from '@jixiao/domain';
import { renderDocx, renderXlsx } from './document-bridge.ts';
import { findRulebook } from './rulebooks/builtin.ts';

const SEEDS = Array.from({ length: 60 }, (_, i) => 1000 + i);

const FUND_LABELS: Record<string, string> = {
  total: '年度资金总额',
  generalPublic: '其中：一般公共预算',
  governmentFund: '政府性基金拨款',
  nonTaxSpecialAccount: '纳入专户管理的非税收入拨款',
  currentAppropriation: '当年财政拨款',
  carryOver: '上年结转资金',
  other: '其他资金',
  basic: '基本支出',
  project: '项目支出',
};

/** Amounts are written in the report's unit with two decimals, half-up (money.ts formatFen). */
const money = (a: Amount, unit: MoneyUnit) => formatFen(a.fen, unit, 2);

/**
 * The rate a document writes for an entered one (figures.ts): as entered, to its decimals, unless
 * its amounts give it (half-up or truncated to those decimals); then the amounts' two-decimal rate.
 */
function writtenRate(stated: Percent, part?: Amount, whole?: Amount): string {
  const at = part && whole ? ratioPercent(part.fen, whole.fen, stated.decimals) : undefined;
  if (at && (at.rounded === stated.value || at.truncated === stated.value)) {
    const two = ratioPercent(part?.fen ?? 0, whole?.fen ?? 1, 2);
    return `${two?.rounded.toFixed(2)}%`;
  }
  return `${stated.value.toFixed(stated.decimals)}%`;
}

/** A target or actual as written: its text, with the 度量单位 entered beside it when it names none. */
function expressionText(node: IndicatorNode, which: 'target' | 'actual'): string {
  const e = node[which];
  if (!e) return '';
  const own = e.kind === 'quantity' || e.kind === 'range' ? e.unit : 'x';
  return node.unit && own === '' && !e.text.endsWith(node.unit) ? `${e.text}${node.unit}` : e.text;
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** A paragraph: empty (<w:p/>) or with its content (not w:pPr, w:pStyle). */
const PARAGRAPH = /<w:p(?:\s[^>]*)?\/>|<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g;

interface XmlDoc {
  /** Every paragraph's text (body and cells), in order. */
  paragraphs: string[];
  /** Table rows: each cell's paragraphs joined by line feeds. */
  rows: string[][];
  /** Runs whose text holds a line feed (Word shows it as a space). */
  lineFeedRuns: string[];
}

async function xmlOf(bytes: Uint8Array): Promise<XmlDoc> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const paraText = (p: string) =>
    decode([...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? '').join(''));
  const paragraphs = [...xml.matchAll(PARAGRAPH)].map((m) => paraText(m[0]));
  const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) =>
    [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) =>
      [...c[0].matchAll(PARAGRAPH)].map((p) => paraText(p[0])).join('\n'),
    ),
  );
  const lineFeedRuns = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1] ?? '')
    .filter((t) => t.includes('\n'));
  return { paragraphs, rows, lineFeedRuns };
}

interface Sheet {
  name: string;
  rows: { value: unknown; numFmt: string | undefined }[][];
}

async function sheetsOf(bytes: Uint8Array): Promise<Sheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return wb.worksheets.map((ws) => {
    const rows: Sheet['rows'] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const cells: Sheet['rows'][number] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = row.getCell(c);
        cells.push({
          value: cell.isMerged && cell.master !== cell ? null : cell.value,
          numFmt: cell.numFmt,
        });
      }
      rows[r - 1] = cells;
    });
    return { name: ws.name, rows: Array.from(rows, (r) => r ?? []) };
  });
}

/** The leaves of a tree with the name the table's 三级 column gives each. */
function tableLeaves(
  nodes: readonly IndicatorNode[],
  level = 1,
  prefix = '',
): [string, IndicatorNode][] {
  return nodes.flatMap((n) => {
    const shown = level >= 3 && prefix ? `${prefix}—${n.name}` : n.name;
    if (!n.children || n.children.length === 0) return [[shown, n] as [string, IndicatorNode]];
    return tableLeaves(n.children, level + 1, level >= 2 ? (level >= 3 ? shown : '') : '');
  });
}

function groups(nodes: readonly IndicatorNode[], level = 1): IndicatorNode[] {
  return nodes.flatMap((n) =>
    n.children && n.children.length > 0
      ? [...(level <= 2 ? [n] : []), ...groups(n.children, level + 1)]
      : [],
  );
}

/** Fields a 自评表 holds (the rest is narrative). */
const TABLE_FIELD =
  /^(?:projectName|implementer|meta\.supervisor|meta\.filler|meta\.head|meta\.phone|goals|indicators|adjustments)(?![^]*\.evidence$)/;

/** The texts a unit entered that the report must carry verbatim (line by line). */
function enteredTexts(e: Evaluation | ProjectEvaluation): [string, string][] {
  const out: [string, string][] = [];
  const add = (what: string, t: string | undefined) => {
    if (t !== undefined && t.trim() !== '') out.push([what, t]);
  };
  add('meta.unitName', e.meta.unitName);
  add('meta.filler', e.meta.filler);
  add('meta.head', e.meta.head);
  add('meta.phone', e.meta.phone);
  add('meta.documentNumber', e.meta.documentNumber);
  e.meta.legalBasis.forEach((l, i) =>
    add(`meta.legalBasis[${i}]`, l.replace(/^《?/, '').replace(/》?$/, '')),
  );
  if (e.kind === 'project') {
    add('projectName', e.projectName);
    add('implementer', e.implementer);
    add('meta.supervisor', e.meta.supervisor);
  }
  e.goals.forEach((g, i) => {
    add(`goals[${i}].expected`, g.expected);
    add(`goals[${i}].actual`, g.actual);
  });
  const walk = (nodes: readonly IndicatorNode[], path: string) =>
    nodes.forEach((n, i) => {
      const p = `${path}[${i}]`;
      add(`${p}.name`, n.name);
      add(`${p}.deviationReason`, n.deviationReason);
      add(`${p}.evidence`, n.evidence);
      walk(n.children ?? [], `${p}.children`);
    });
  walk(e.indicators, 'indicators');
  e.adjustments.forEach((a, i) => {
    add(`adjustments[${i}].name`, a.name);
    add(`adjustments[${i}].reason`, a.reason);
  });
  e.chapters.forEach((c, i) =>
    c.paragraphs.forEach((p, j) => add(`chapters[${i}].paragraphs[${j}]`, p)),
  );
  if (e.kind === 'department') {
    // Duties are numbered by the writer: a number the unit typed before one gives way to it.
    e.duties.forEach((d, i) => add(`duties[${i}]`, d.replace(/^\s*\d+、\s*/, '')));
    e.internalUnits.forEach((u, i) => add(`internalUnits[${i}]`, u));
    e.subordinateUnits.forEach((u, i) => add(`subordinateUnits[${i}].name`, u.name));
    e.projectExpenditure.projects.forEach((p, i) => {
      add(`projectExpenditure.projects[${i}].name`, p.name);
      add(`projectExpenditure.projects[${i}].purpose`, p.purpose);
    });
    add('baseData.savingsMeasures', e.baseData?.savingsMeasures);
    e.baseData?.projectRows.forEach((r, i) => add(`baseData.projectRows[${i}].name`, r.name));
    // An attached project is its table (附件3): its narrative belongs to its own report.
    e.projectEvaluations.forEach((p, i) =>
      enteredTexts(p)
        .filter(([w]) => TABLE_FIELD.test(w))
        .forEach(([w, t]) => out.push([`projectEvaluations[${i}].${w}`, t])),
    );
  }
  return out;
}

/** Fund rows the unit filled, with the label the table gives them. */
function filledFundRows(e: Evaluation | ProjectEvaluation): [string, FundRow][] {
  return Object.entries(FUND_LABELS).flatMap(([key, label]) => {
    const row = (e.funds as Record<string, FundRow | undefined>)[key];
    const filled = row && (row.budget || row.executed || row.initialBudget || row.statedRate);
    return filled ? [[label, row] as [string, FundRow]] : [];
  });
}

/** Fund-block rows of a table that follow a label, in the order the tables come. */
function fundCells(rows: string[][], label: string): string[][] {
  return rows.flatMap((r) => {
    const i = r.findIndex((c) => c.endsWith(label));
    return i < 0 ? [] : [r.slice(i + 1)];
  });
}

async function mismatches(e: Evaluation): Promise<string[]> {
  const rulebook = findRulebook(e.rulebookId);
  if (!rulebook) throw new Error(`no rulebook ${e.rulebookId}`);
  const sheet = scoreEvaluation(e, rulebook);
  const docx = await renderDocx(e, sheet);
  const xml = await xmlOf(docx);
  const read = readDocument(docx, 'report.docx');
  if (!read.ok) return [`the product's reader refused the report: ${read.error.message}`];
  const readText = read.document.blocks.map((b) => (b.kind === 'table' ? '' : b.text)).join('\n');
  const readCells = new Set(
    read.document.blocks.flatMap((b) => b.rows ?? []).flatMap((r) => r.cells),
  );
  const docText = xml.paragraphs.join('\n');
  const out: string[] = [];
  const unit = e.meta.amountUnit;

  for (const t of xml.lineFeedRuns)
    out.push(`a run holds a line feed Word shows as a space: ${JSON.stringify(t)}`);
  for (const [what, text] of enteredTexts(e)) {
    if (!docText.includes(text)) out.push(`${what} ${JSON.stringify(text)} is not in the .docx`);
    else if (
      !text.includes('\n') &&
      !readText.includes(text) &&
      !readCells.has(text) &&
      ![...readCells].some((c) => c.includes(text))
    )
      out.push(`${what} ${JSON.stringify(text)} is not what the product's reader reads`);
  }

  const evaluations: (Evaluation | ProjectEvaluation)[] =
    e.kind === 'department' ? [e, ...e.projectEvaluations] : [e];
  evaluations.forEach((ev, k) => {
    const where = k === 0 ? '' : `projectEvaluations[${k - 1}].`;
    // The indicator rows: target, actual, weight, score, reason as the last five cells.
    for (const [shown, leaf] of tableLeaves(ev.indicators)) {
      const row = xml.rows.find((r) => r.includes(shown));
      if (!row) {
        out.push(`${where}leaf ${JSON.stringify(shown)} has no row`);
        continue;
      }
      const [target, actual, weight, score, reason] = row.slice(-5);
      const want = {
        target: expressionText(leaf, 'target'),
        actual: expressionText(leaf, 'actual'),
        weight: leaf.weight === undefined ? weight : formatPoints(leaf.weight),
        score: leaf.score === undefined ? score : formatPoints(leaf.score),
        reason: leaf.deviationReason ?? '',
      };
      const got = { target, actual, weight, score, reason };
      for (const f of Object.keys(want) as (keyof typeof want)[])
        if (got[f] !== want[f])
          out.push(
            `${where}${shown}: ${f} ${JSON.stringify(want[f])} written as ${JSON.stringify(got[f])}`,
          );
    }
    for (const g of groups(ev.indicators))
      if (
        g.weight !== undefined &&
        !xml.rows.some((r) => r.includes(`${g.name}（${formatPoints(g.weight ?? 0)}分）`))
      )
        out.push(`${where}group ${g.name}: weight ${formatPoints(g.weight)} not written`);
    for (const a of ev.adjustments)
      if (
        !xml.rows.some(
          (r) => r.some((c) => c.endsWith(a.name)) && r.includes(formatPoints(a.points)),
        )
      )
        out.push(`${where}adjustment ${a.name}: ${formatPoints(a.points)} not in its row`);
    if (ev.stated.grade !== undefined && ev.stated.total !== undefined && k === 0)
      if (!docText.includes(`评价等级为“${ev.stated.grade}”`))
        out.push(`stated grade ${ev.stated.grade} not written`);
    if (ev.stated.total !== undefined) {
      const totalRow = xml.rows.filter((r) => r.includes('总分'))[k];
      if (!totalRow?.includes(formatPoints(ev.stated.total)))
        out.push(
          `${where}stated total ${ev.stated.total} not in the 总分 row ${JSON.stringify(totalRow)}`,
        );
    }
    if (ev.meta.reportDate) {
      const [y, m, d] = ev.meta.reportDate.split('-').map(Number);
      if (!docText.includes(`填报日期：${y}年${m}月${d}日`))
        out.push(`${where}reportDate not in the sign-off`);
    }
    if (
      ev.stated.total !== undefined &&
      k === 0 &&
      !docText.includes(`得分${formatPoints(ev.stated.total)}分`)
    )
      out.push(`${where}stated total ${ev.stated.total} not written`);
    // The fund block.
    for (const [label, row] of filledFundRows(ev)) {
      const candidates = fundCells(xml.rows, label);
      const cellsOk = candidates.some((cells) => {
        const [initial, budget, executed, , rate] = cells;
        return (
          initial === (row.initialBudget ? money(row.initialBudget, unit) : initial) &&
          budget === (row.budget ? money(row.budget, unit) : budget) &&
          executed === (row.executed ? money(row.executed, unit) : executed) &&
          rate === (row.statedRate ? writtenRate(row.statedRate, row.executed, row.budget) : rate)
        );
      });
      if (!cellsOk)
        out.push(
          `${where}fund row ${label}: entered ${JSON.stringify({
            initial: row.initialBudget?.text,
            budget: row.budget?.text,
            executed: row.executed?.text,
            rate: row.statedRate?.text,
          })}; rows ${JSON.stringify(candidates)}`,
        );
    }
  });

  if (e.kind === 'department') {
    const st = e.staffing;
    for (const [label, n] of [
      ['编制数', st.authorized],
      ['实际在职', st.actual],
      ['离退休', st.retired],
    ] as const)
      if (n !== undefined && !docText.includes(`${label}${n}人`))
        out.push(`staffing ${label} ${n} not written`);
    if (st.statedControlRate) {
      // Head counts as amounts of whole 元, so the rate rule for money applies; no rate of 0 编制.
      const heads = (n: number | undefined) =>
        n === undefined ? undefined : ({ fen: n * 100, unit: '元' } as Amount);
      const whole = st.authorized === 0 ? undefined : heads(st.authorized);
      const want = `人员控制率${writtenRate(st.statedControlRate, heads(st.actual), whole)}`;
      if (!docText.includes(want))
        out.push(`staffing.statedControlRate ${st.statedControlRate.text}: not ${want}`);
    }
    const bx = e.basicExpenditure;
    if (bx.statedCompletion && bx.budget && bx.actual) {
      const want = `基本支出预算安排${money(bx.budget, unit)}${unit}，实际支出${money(bx.actual, unit)}${unit}，完成预算安排的${writtenRate(bx.statedCompletion, bx.actual, bx.budget)}`;
      if (!docText.includes(want))
        out.push(`basicExpenditure.statedCompletion ${bx.statedCompletion.text}: not ${want}`);
    }
    const px = e.projectExpenditure;
    if (px.statedCompletion && px.budget && px.actual) {
      const want = `项目支出预算安排${money(px.budget, unit)}${unit}，实际支出${money(px.actual, unit)}${unit}，完成预算安排的${writtenRate(px.statedCompletion, px.actual, px.budget)}`;
      if (!docText.includes(want))
        out.push(`projectExpenditure.statedCompletion ${px.statedCompletion.text}: not ${want}`);
    }
    for (const [label, part] of [
      ['人员经费', bx.personnel],
      ['公用经费', bx.publicFunds],
    ] as const) {
      if (!part?.amount) continue;
      const share =
        part.statedShare && bx.actual
          ? `，占基本支出的${writtenRate(part.statedShare, part.amount, bx.actual)}`
          : '';
      const want = `${label}支出${money(part.amount, unit)}${unit}${share}`;
      if (!docText.includes(want)) out.push(`basicExpenditure ${label}: not ${want}`);
    }
    if (px.projects.length > 0) {
      const want = `项目共${px.statedCount ?? px.projects.length}项`;
      if (!docText.includes(want))
        out.push(`projectExpenditure.statedCount ${px.statedCount}: not ${want}`);
    }
    px.projects.forEach((p, i) => {
      const a = p.actual ?? p.budget;
      if (!a) return;
      const share =
        p.statedShare && px.actual
          ? `，占项目支出的${writtenRate(p.statedShare, a, px.actual)}`
          : '';
      const want = `${p.name}：支出${money(a, unit)}${unit}${share}`;
      if (!docText.includes(want)) out.push(`projectExpenditure.projects[${i}]: not ${want}`);
    });
    for (const c of st.categories)
      if (!docText.includes(`${c.name}${c.count}人`))
        out.push(`staffing ${c.name} ${c.count} not written`);
    const gf = e.governmentFundBudget;
    if (gf?.budget && gf.actual) {
      const want = `预算安排${money(gf.budget, unit)}${unit}，实际支出${money(gf.actual, unit)}${unit}`;
      if (!docText.includes(want)) out.push(`governmentFundBudget: not ${want}`);
    }
    if (gf?.text && !docText.includes(gf.text)) out.push(`governmentFundBudget.text not written`);
    const as = e.assets;
    for (const [label, a] of [
      ['固定资产原值', as?.originalValue],
      ['净值', as?.netValue],
      ['本年新增', as?.added],
      ['本年处置', as?.disposed],
    ] as const)
      if (a && !docText.includes(`${label}${money(a, unit)}${unit}`))
        out.push(`assets ${label} not written`);
    if (as?.text && !docText.includes(as.text)) out.push(`assets.text not written`);
    for (const [i, b] of (e.baseData?.buildings ?? []).entries()) {
      const row = xml.rows.find(
        (r) => r.includes(String(b.approvedArea)) && r.includes(String(b.actualArea)),
      );
      const want = [
        b.budgetInvestment ? money(b.budgetInvestment, unit) : '',
        b.actualInvestment ? money(b.actualInvestment, unit) : '',
      ];
      const rate = b.statedInvestmentControlRate
        ? writtenRate(b.statedInvestmentControlRate, b.actualInvestment, b.budgetInvestment)
        : undefined;
      if (!row || !want.every((w) => row.includes(w)) || (rate && !row.includes(rate)))
        out.push(
          `baseData.buildings[${i}]: ${JSON.stringify({ want, rate })} not in ${JSON.stringify(row)}`,
        );
    }
    const bd = e.baseData;
    const rate = bd?.staffing?.statedControlRate;
    if (rate) {
      const { authorized, actual } = bd.staffing ?? {};
      const a = actual === undefined ? undefined : ({ fen: actual * 100, unit: '元' } as Amount);
      const w =
        authorized === undefined || authorized === 0
          ? undefined
          : ({ fen: authorized * 100, unit: '元' } as Amount);
      const want = writtenRate(rate, a, w);
      if (!xml.rows.some((r) => r.includes(want)))
        out.push(`baseData.staffing.statedControlRate ${rate.text}: ${want} not in 附件1`);
    }
  }

  // The .xlsx: every fund row's amounts and rate as values with a format that shows them as entered.
  const sheets = await sheetsOf(await renderXlsx(e, sheet));
  const cellsText = new Set(
    sheets.flatMap((s) => s.rows.flat().map((c) => (typeof c.value === 'string' ? c.value : ''))),
  );
  for (const [what, text] of enteredTexts(e)) {
    const inTables = what.replace(/^projectEvaluations\[\d+\]\./, '');
    if (TABLE_FIELD.test(inTables) && !/^meta\./.test(inTables))
      if (![...cellsText].some((c) => c.includes(text)))
        out.push(`${what} ${JSON.stringify(text)} is not in the .xlsx`);
  }
  evaluations.forEach((ev, k) => {
    const where = k === 0 ? '' : `projectEvaluations[${k - 1}].`;
    for (const [label, row] of filledFundRows(ev)) {
      for (const [what, a] of [
        ['budget', row.budget],
        ['executed', row.executed],
      ] as const) {
        if (!a) continue;
        const value = Number(money(a, unit));
        const shown = sheets.some((sh) =>
          sh.rows.some(
            (r) =>
              r.some((x) => typeof x.value === 'string' && x.value.endsWith(label)) &&
              r.some((x) => x.value === value && x.numFmt === '0.00'),
          ),
        );
        if (!shown)
          out.push(
            `${where}.xlsx fund row ${label}: ${what} ${a.text} not shown as ${money(a, unit)}`,
          );
      }
      if (!row.statedRate) continue;
      const want = writtenRate(row.statedRate, row.executed, row.budget);
      const decimals = want.replace('%', '').split('.')[1]?.length ?? 0;
      const ok = sheets.some((s) =>
        s.rows.some((r) => {
          if (!r.some((x) => typeof x.value === 'string' && x.value.endsWith(label))) return false;
          const c = r.find((x) => x.numFmt?.endsWith('%'));
          if (!c || typeof c.value !== 'number') return false;
          const shown = `${(c.value * 100).toFixed(decimals)}%`;
          const fmtDecimals = /0\.(0+)%/.exec(c.numFmt ?? '')?.[1]?.length ?? 0;
          return shown === want && fmtDecimals === decimals;
        }),
      );
      if (!ok)
        out.push(
          `${where}.xlsx fund row ${label}: rate ${row.statedRate.text} not shown as ${want}`,
        );
    }
  });
  return out;
}

describe('what a unit entered is what its documents state', () => {
  it(`in ${SEEDS.length} generated evaluations, .docx and .xlsx`, async () => {
    const found: string[] = [];
    for (const seed of SEEDS) {
      const e = enteredEvaluation(seed);
      for (const m of await mismatches(e)) found.push(`seed ${seed} (${e.kind}): ${m}`);
    }
    expect(found).toEqual([]);
  }, 300_000);
});

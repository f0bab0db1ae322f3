import {
  REGIONAL_AGGREGATE,
  comparePercent,
  fen,
  formatFen,
  formatPercent,
  parseDecimalToFen,
  parsePercent,
  sumFen,
  withinInputRounding,
} from '@jixiao/domain';
import type {
  Amount,
  CostRow,
  Finding,
  FindingCategory,
  MoneyUnit,
  Percent,
  Severity,
} from '@jixiao/domain';
import { endsAsWritten } from '../extract/extract-evaluation.ts';
import type { ExtractedReport } from '../extract/extract-evaluation.ts';
import { countLists } from '../extract/count-lists.ts';
import { aspectLists } from '../extract/aspect-lists.ts';
import { namedRates } from '../extract/named-rates.ts';
import {
  budgetAdjustment,
  carryOvers,
  listsAfterTotal,
  remaindersAfter,
  comparisonRoles,
  completions,
  detailsAfter,
  differences,
  figureRatios,
  priorSentenceRatios,
  namedDifferences,
  partWholes,
  partsWithoutWhole,
  namedParts,
  pointChanges,
  percentChanges,
  quotedNames,
  sameKind,
  scopeOf,
  shares,
  totalsAbove,
  totalsAfter,
} from '../extract/claim-relations.ts';
import type { Difference, FigureRatio, PartWhole, QuotedName } from '../extract/claim-relations.ts';
import { chineseCount, COUNT_UNITS, keyOf, plainFigure, statementsOf } from '../extract/claims.ts';
import { amountIn } from '../extract/table-amount.ts';
import type { Block } from '../read/block.ts';
import type { Claim, Role, Statement } from '../extract/claims.ts';
import { excerptOf, squash } from '../extract/text.ts';
import { checkProseYears } from './prose-years.ts';
import { breakdownAfter, namedAlike, partsGoingOn } from './parts-going-on.ts';
import { checkProseAgainstTables, sectionsOf } from './prose-against-tables.ts';
import { checkProseAgainstGrids } from './prose-against-grids.ts';
import { COUNTED, listGrids, NOT_COUNTED, TOTAL_ROW } from './list-tables.ts';
import type { Section } from './prose-against-tables.ts';
import { commonRun, swapPlaces, swappedNeighbours } from './figure-match.ts';
import { str } from './message-params.ts';
import type { Params } from './message-params.ts';

/** Codes of the checks on the figures stated in prose and the relations between them. */
export type ClaimCheckCode =
  | 'DOC_CLAIM_ADJUSTED'
  | 'DOC_CLAIM_PARTS_EXCEED'
  | 'DOC_CLAIM_PARTS_SHORT'
  | 'DOC_CLAIM_LIST_COUNT'
  | 'DOC_CLAIM_LIST_DUPLICATE'
  | 'DOC_CLAIM_RATE'
  | 'DOC_CLAIM_SHARE'
  | 'DOC_CLAIM_MAGNITUDE'
  | 'DOC_CLAIM_PART_UNIT'
  | 'DOC_CLAIM_RESTATED'
  | 'DOC_CLAIM_ROUNDING'
  | 'DOC_CLAIM_UNIT_SLIP'
  | 'DOC_CLAIM_NAME_VARIANT'
  | 'DOC_CLAIM_GROWTH'
  | 'DOC_CLAIM_DIFFERENCE'
  | 'DOC_CLAIM_RATE_UNIT'
  | 'DOC_CLAIM_STANDARD_UNIT'
  | 'DOC_CLAIM_PER_UNIT'
  | 'DOC_CLAIM_AVERAGE'
  | 'DOC_CLAIM_CAPITALS'
  | 'DOC_CLAIM_CONVERTED'
  | 'DOC_CLAIM_LEVELS'
  | 'DOC_CLAIM_DETAIL_EXCEEDS'
  | 'DOC_CLAIM_PAIR_UNIT';

const CATEGORY: Record<ClaimCheckCode, FindingCategory> = {
  DOC_CLAIM_ADJUSTED: 'sum',
  DOC_CLAIM_PARTS_EXCEED: 'sum',
  DOC_CLAIM_PARTS_SHORT: 'sum',
  DOC_CLAIM_LIST_COUNT: 'duplicate',
  DOC_CLAIM_LIST_DUPLICATE: 'duplicate',
  DOC_CLAIM_RATE: 'ratio',
  DOC_CLAIM_SHARE: 'ratio',
  DOC_CLAIM_MAGNITUDE: 'implausible',
  DOC_CLAIM_PART_UNIT: 'unit',
  DOC_CLAIM_RESTATED: 'cross-section',
  DOC_CLAIM_ROUNDING: 'sum',
  DOC_CLAIM_UNIT_SLIP: 'unit',
  DOC_CLAIM_PAIR_UNIT: 'unit',
  DOC_CLAIM_NAME_VARIANT: 'cross-section',
  DOC_CLAIM_GROWTH: 'ratio',
  DOC_CLAIM_DIFFERENCE: 'sum',
  DOC_CLAIM_RATE_UNIT: 'unit',
  DOC_CLAIM_STANDARD_UNIT: 'unit',
  DOC_CLAIM_PER_UNIT: 'unit',
  DOC_CLAIM_AVERAGE: 'ratio',
  DOC_CLAIM_CAPITALS: 'cross-section',
  DOC_CLAIM_CONVERTED: 'unit',
  DOC_CLAIM_LEVELS: 'sum',
  DOC_CLAIM_DETAIL_EXCEEDS: 'sum',
};

/** Chinese messages of the claim checks, one per code. */
export function claimCheckMessage(code: ClaimCheckCode, p: Params): string {
  switch (code) {
    case 'DOC_CLAIM_ADJUSTED':
      return `${str(p, 'label')}${str(p, 'stated')}${str(p, 'unit')}，按${str(p, 'parts')}计算应为${str(p, 'expected')}${str(p, 'unit')}`;
    case 'DOC_CLAIM_PARTS_EXCEED':
      return `${str(p, 'label')}${str(p, 'stated')}${str(p, 'unit')}，其中所列各部分合计${str(p, 'expected')}${str(p, 'unit')}（${str(p, 'parts')}），超过总数`;
    case 'DOC_CLAIM_PARTS_SHORT':
      return `${str(p, 'label')}${str(p, 'stated')}${str(p, 'unit')}，其中所列各部分合计${str(p, 'expected')}${str(p, 'unit')}（${str(p, 'parts')}），${str(p, 'how')}`;
    case 'DOC_CLAIM_LIST_COUNT':
      return `写明${str(p, 'stated')}，但${p['before'] === true ? '其前' : '其后'}列出${str(p, 'expected')}个：${str(p, 'items')}`;
    case 'DOC_CLAIM_LIST_DUPLICATE':
      return `写明${str(p, 'count')}，列出的名称中“${str(p, 'stated')}”重复出现（共列${str(p, 'listed')}个，不重复的${str(p, 'distinct')}个）`;
    case 'DOC_CLAIM_RATE':
      return `${str(p, 'label')}${str(p, 'actual')}÷${str(p, 'budget')}应为${str(p, 'expected')}，报告填写${str(p, 'stated')}`;
    case 'DOC_CLAIM_GROWTH':
      return `${str(p, 'label')}${str(p, 'value')}较${str(p, 'base')}${str(p, 'how')}的幅度应为${str(p, 'expected')}，报告填写${str(p, 'stated')}`;
    case 'DOC_CLAIM_DIFFERENCE':
      return `${str(p, 'label')}${str(p, 'value')}较${str(p, 'base')}应${str(p, 'expected')}，报告写${str(p, 'stated')}`;
    case 'DOC_CLAIM_RATE_UNIT':
      return `“${str(p, 'name')}”写作${str(p, 'stated')}，按${str(p, 'expected')}计算才与报告填写的执行率${str(p, 'rate')}相符（写作${str(p, 'stated')}时应为${str(p, 'computed')}），疑为元与万元混用`;
    case 'DOC_CLAIM_STANDARD_UNIT':
      return `按人计的标准“${str(p, 'stated')}”以万元计显然过大，疑为元写作万元（应为${str(p, 'expected')}）`;
    case 'DOC_CLAIM_CAPITALS':
      return `金额大写“${str(p, 'capitals')}”为${str(p, 'expected')}元，与并写的小写金额${str(p, 'stated')}元不符`;
    case 'DOC_CLAIM_CONVERTED':
      return `“${str(p, 'name')}”写作${str(p, 'stated')}，括注${str(p, 'converted')}，按${str(p, 'stated')}换算应为${str(p, 'expected')}，疑为换算单位有误`;
    case 'DOC_CLAIM_PER_UNIT':
      return `“${str(p, 'name')}”写作${str(p, 'stated')}，按${str(p, 'total')}÷${str(p, 'count')}计算约为${str(p, 'expected')}，相差约一万倍，疑为元与万元混用`;
    case 'DOC_CLAIM_AVERAGE':
      return `“${str(p, 'name')}”写作${str(p, 'stated')}，按${str(p, 'total')}÷${str(p, 'count')}计算应约为${str(p, 'expected')}，请核实`;
    case 'DOC_CLAIM_SHARE':
      return `${str(p, 'label')}${str(p, 'part')}占${str(p, 'of')}${str(p, 'whole')}的比例应为${str(p, 'expected')}，报告填写${str(p, 'stated')}`;
    case 'DOC_CLAIM_PART_UNIT':
      return `“${str(p, 'name')}”写作${str(p, 'stated')}，按${str(p, 'expected')}计各部分才与总数相符，疑为元与万元混用`;
    case 'DOC_CLAIM_MAGNITUDE':
      return `“${str(p, 'name')}”${str(p, 'stated')}是本单位${str(p, 'yardstick')}${str(p, 'base')}的${str(p, 'factor')}倍，量级不合常理，疑为元写作万元`;
    case 'DOC_CLAIM_RESTATED':
      return `“${str(p, 'name')}”在第${str(p, 'lineA')}行为${str(p, 'expected')}，在第${str(p, 'lineB')}行为${str(p, 'stated')}，前后不一致`;
    case 'DOC_CLAIM_ROUNDING':
      return `同一数额前后写法不一：${str(p, 'stated')}万元与${str(p, 'expected')}万元相差${str(p, 'diff')}万元，疑为尾差`;
    case 'DOC_CLAIM_UNIT_SLIP':
      return `“${str(p, 'name')}”在第${str(p, 'lineA')}行为${str(p, 'expected')}，在第${str(p, 'lineB')}行为${str(p, 'stated')}，相差一万倍，疑为${str(p, 'units') || '元与万元'}混用`;
    case 'DOC_CLAIM_PAIR_UNIT':
      return `同一句中“${str(p, 'nameA')}”${str(p, 'stated')}与“${str(p, 'nameB')}”${str(p, 'other')}相差${str(p, 'times')}倍，按${str(p, 'expected')}计才相称，疑为元与万元混用`;
    case 'DOC_CLAIM_LEVELS':
      return `指标共${str(p, 'stated')}，其中末级的${str(p, 'level')}${str(p, 'expected')}，指标总数应为末级指标数（各级合计为${str(p, 'sum')}个）`;
    case 'DOC_CLAIM_DETAIL_EXCEEDS':
      return `${str(p, 'label')}${str(p, 'whole')}，括注其中“${str(p, 'name')}”${str(p, 'stated')}，超过其所属的数`;
    case 'DOC_CLAIM_NAME_VARIANT':
      return `同一名称前后写法不一：“${str(p, 'stated')}”与“${str(p, 'expected')}”（第${str(p, 'lineA')}行）仅差几个字，疑为笔误`;
  }
}

function finding(
  code: ClaimCheckCode,
  severity: Severity,
  line: number,
  excerpt: string,
  params: Params,
): Finding {
  const f: Finding = {
    code,
    category: CATEGORY[code],
    severity,
    message: claimCheckMessage(code, params),
    path: 'chapters',
    params,
    line,
    excerpt,
  };
  const stated = params['stated'];
  const expected = params['expected'];
  if (stated !== undefined && stated !== null) f.stated = String(stated);
  if (expected !== undefined && expected !== null) f.expected = String(expected);
  return f;
}

/** The claims of the prose and the relations between them: parts and wholes, lists, rates. */
export function checkClaims(report: ExtractedReport): Finding[] {
  const statements = statementsOf(report.document.blocks);
  const sections = sectionsOf(report.document.blocks);
  const groups = statements.map((s) => ({ s, groups: [...partWholes(s), ...totalsAfter(s)] }));
  const all = [
    ...groups.flatMap(({ s, groups: g }, k) =>
      g.flatMap((pw) =>
        checkListGoingOn(s, pw, statements[k + 1]).filter(
          (f) =>
            f.code !== 'DOC_CLAIM_PARTS_SHORT' || f.severity === 'error' || !picked(pw, groups),
        ),
      ),
    ),
    ...totalsAbove(statements).flatMap(({ statement, pw }) => checkPartWhole(statement, pw)),
    // Parts no word says are parts: at most a warning.
    ...groups.flatMap(({ s, groups: g }) =>
      listsAfterTotal(s)
        .filter((pw) => !g.some((other) => other.whole === pw.whole))
        .flatMap((pw) => checkPartWhole(s, pw))
        .map((f) => (f.severity === 'error' ? { ...f, severity: 'warning' as const } : f)),
    ),
    ...detailsAfter(statements).flatMap(({ statement, pw }) =>
      checkPartWhole(statement, pw).map((f) =>
        pw.main && f.severity === 'error' ? { ...f, severity: 'warning' as const } : f,
      ),
    ),
    ...checkPartsWithoutWhole(statements, groups),
    // A breakdown by a dimension after its total's statement: a warning, the total being read.
    ...statements.flatMap((s, k) => {
      const pw = breakdownAfter(s, statements[k - 1]);
      return pw ? checkPartWhole(s, pw).map((f) => ({ ...f, severity: 'warning' as const })) : [];
    }),
    ...checkCountedParts(statements, groups),
    ...namedParts(statements).flatMap(({ statement, pw, exact }) =>
      checkPartWhole(statement, pw)
        .filter((f) => f.code !== 'DOC_CLAIM_PARTS_SHORT' || !selection(pw))
        .map((f) => (exact || f.severity !== 'error' ? f : { ...f, severity: 'warning' as const })),
    ),
    ...groups.flatMap(({ s, groups: g }) => g.flatMap((pw) => checkLevelCounts(s, pw))),
    ...statements.flatMap(checkDetailsInParens),
    ...statements.flatMap(checkAdjustment),
    ...checkCarryOvers(statements),
    ...statements.flatMap(checkCountLists),
    ...checkAspectLists(report, statements),
    ...checkRates(statements),
    ...checkShares(statements),
    ...statements.flatMap((s) => checkFigureRatios(s)),
    ...statements.flatMap((s, k) =>
      checkFigureRatios(
        s,
        priorSentenceRatios(s, statements[k - 1], statements.slice(Math.max(0, k - 4), k - 1)),
      ),
    ),
    ...statements.flatMap(checkNamedRates),
    ...statements.flatMap(checkStandards),
    ...statements.flatMap(checkCapitals),
    ...statements.flatMap(checkConversions),
    ...statements.flatMap((s, k) => checkPerUnit(s, k, statements)),
    ...statements.flatMap(checkCountAverages),
    ...statements.flatMap(checkPointChanges),
    ...statements.flatMap(checkPercentChanges),
    ...statements.flatMap((s) => checkDifferences(s)),
    ...namedDifferences(statements).flatMap((d) => checkDifferences(d.statement, [d])),
    ...remaindersAfter(statements).flatMap((d) => checkDifferences(d.statement, [d])),
    ...checkMagnitudes(statements, isProjectReport(report.evaluation.meta.title)),
    ...checkDigitSlips(statements),
    ...checkPairUnits(statements),
    ...checkTransposedDigits(statements, reportOf(report.evaluation.meta.title)),
    ...checkTransposedAcrossUnits(statements, reportOf(report.evaluation.meta.title)),
    ...checkRestatedHeadcounts(statements),
    ...checkTableSlips(report.document.blocks, statements),
    ...checkListRestatements(report.document.blocks, statements),
    ...checkListedCount(report.document.blocks, statements),
    ...checkCountedTotals(report.document.blocks, statements),
    ...checkBaseDataClaims(report, statements),
    ...checkRestatements(
      groups,
      report.found.year ? String(report.evaluation.meta.year) : '',
      projectOfTitle(report.evaluation.meta.title),
      sections,
    ),
    ...checkProseAgainstTables(report, statements, sections),
    ...checkProseAgainstGrids(
      report.document.blocks,
      groups,
      report.found.year ? String(report.evaluation.meta.year) : '',
    ).map((r) =>
      finding('DOC_CLAIM_RESTATED', 'warning', r.line, r.excerpt, {
        name: r.name,
        stated: r.stated,
        expected: r.expected,
        lineA: r.lineA,
        lineB: r.line,
      }),
    ),
    ...checkNameVariants(quotedNames(statements)),
    ...checkProseYears(report, statements),
  ];
  // A rate computed from the right figure where its sentence restates that figure wrong: the
  // restatement says the slip, the rate is no second one.
  const restated = all.filter((f) => f.code === 'DOC_CLAIM_RESTATED' && f.params?.['rateFits']);
  const seen = new Set<string>();
  return all.filter((f) => {
    if (
      f.code === 'DOC_CLAIM_RATE' &&
      restated.some((r) => r.line === f.line && r.params?.['rateFits'] === f.stated)
    )
      return false;
    const key = `${f.code}|${f.stated ?? ''}|${f.expected ?? ''}|${f.excerpt ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * "项目支出中，A a，B b": items named after their whole that make less than half of it, none of
 * them read in the wrong unit, are a selection (the main projects), not a sum gone wrong.
 */
/** A part's name without outcome and fund words: "区级配套资金支出" and "区级配套" are one source. */
const sourceOf = (c: Claim): string =>
  c.key
    .replace(/^其中/, '')
    .replace(/(?:实际)?(?:支出|执行|使用|拨付)$/, '')
    .replace(/(?:资金|经费)$/, '');

/**
 * "项目全年预算A，其中中央补助B、省级补助C、市级补助D、区级配套E" … "全年支出F，其中中央补助支出G，
 * 执行率…；区级配套资金支出H…": a list not said to be whole that names some of the parts another
 * 其中 of the document names picks those out; it is no shortfall.
 */
function picked(pw: PartWhole, groups: readonly { groups: PartWhole[] }[]): boolean {
  const own = pw.parts.map(sourceOf);
  return groups.some(({ groups: g }) =>
    g.some((other) => {
      if (other === pw || other.parts.length <= pw.parts.length) return false;
      // "A、B、C三项支出分别为a、b、c，合计T。其中C c、A a…": a 其中 of a whole a longer list
      // already itemises, each of its figures one of that list's, restates some of them.
      if (other.whole === pw.whole && sameFigures(pw.parts, other.parts)) return true;
      if (own.some((n) => n.length < 2)) return false;
      const names = new Set(other.parts.map(sourceOf));
      return own.every((n) => names.has(n));
    }),
  );
}

/** Whether every figure of `some` is a distinct one of `all` (same value and kind). */
function sameFigures(some: readonly Claim[], all: readonly Claim[]): boolean {
  const left = [...all];
  return some.every((c) => {
    const at = left.findIndex((o) => o.kind === c.kind && o.value === c.value);
    if (at < 0) return false;
    left.splice(at, 1);
    return true;
  });
}

function selection(pw: PartWhole): boolean {
  const sum = sumFen(pw.parts.map((c) => c.value));
  return sum * 2n < BigInt(pw.whole.value) && unitSlipIn(pw, 0n) === undefined;
}

const MONEY_UNITS = new Set(['元', '千元', '万元', '亿元']);
const asMoneyUnit = (u: string): MoneyUnit => (u === '元' || u === '亿元' ? u : '万元');

/** Money in 分 shown in the unit a figure was written in, 千元 (100,000 分) included. */
function formatIn(value: bigint, unit: string, decimals: number): string {
  if (unit !== '千元') return formatFen(value, asMoneyUnit(unit), decimals);
  const d = Math.min(decimals, 5);
  const step = 100_000n / 10n ** BigInt(d);
  const size = value < 0n ? -value : value;
  const rounded = size / step + ((size % step) * 2n >= step ? 1n : 0n);
  const scale = 10n ** BigInt(d);
  const fraction = d > 0 ? `.${String(rounded % scale).padStart(d, '0')}` : '';
  return `${value < 0n && rounded !== 0n ? '-' : ''}${String(rounded / scale)}${fraction}`;
}
const decimalsIn = (c: Claim): number => /\.(\d+)/.exec(c.number)?.[1]?.length ?? 0;

/** A value in the whole's unit, for messages ("3465.35"). */
function shown(value: bigint, like: Claim, parts: readonly Claim[]): string {
  if (like.kind === 'count' && /^[\d.]+万/.test(like.text.replace(/,/g, ''))) {
    // "334万亩": a count in 万 of its unit is shown so.
    const wan = Number(value) / 10_000;
    return `${String(Number.isInteger(wan) ? wan : Number(wan.toFixed(4)))}万`;
  }
  if (like.kind !== 'money') return String(value);
  const decimals = Math.max(decimalsIn(like), ...parts.map(decimalsIn));
  return formatIn(value, like.unit, Math.min(decimals, 4));
}

const abs = (x: bigint): bigint => (x < 0n ? -x : x);

function checkPartWhole(s: Statement, pw: PartWhole): Finding[] {
  const { whole, parts } = pw;
  if (pw.notPartition || whole.approximate || parts.some((c) => c.approximate)) return [];
  if (overlapping(parts)) return [];
  // Exact in BigInt: many large parts may pass 2^53 分.
  const sum = sumFen(parts.map((c) => c.value));
  const total = BigInt(whole.value);
  // A stated total agrees with its parts within one rounding step per written figure.
  const tolerance = BigInt(
    Math.ceil([whole, ...parts].reduce((t, c) => t + 2 * stepIn(c, whole), 0)),
  );
  const diff = sum - total;
  if (abs(diff) <= tolerance) return [];
  const twoUnits = /元.*元/.test(whole.text);
  const params: Params = {
    label: whole.name || '合计',
    stated:
      whole.kind !== 'money'
        ? shown(BigInt(whole.value), whole, parts)
        : twoUnits
          ? shown(total, whole, parts)
          : plainFigure(whole).replace(/[亿万千]?元$/, ''),
    expected: shown(sum, whole, parts),
    unit: whole.kind === 'money' ? (MONEY_UNITS.has(whole.unit) ? whole.unit : '') : whole.unit,
    parts: parts.map((c) => `${c.name}${plainFigure(c)}`).join(' + '),
  };
  const excerpt = excerptOf(s.raw, '其中');
  if (diff > 0n) {
    // Parts of which the first few already make the whole: the rest is another list's.
    let running = 0n;
    for (const c of parts.slice(0, -1)) {
      running += BigInt(c.value);
      if (abs(running - total) <= tolerance) return [];
    }
    // An earlier, larger figure may be the whole meant: the parts equal it, or may fit it.
    const earlier = pw.earlier ? BigInt(pw.earlier.value) : undefined;
    if (earlier !== undefined && abs(sum - earlier) <= tolerance) return [];
    const head = (c: Claim): string => (c.key || c.name).slice(-2);
    const sameHead = parts.length >= 2 && parts.every((c) => head(c) === head(parts[0] ?? c));
    const certain =
      (whole.kind === 'money' || pw.exhaustive || sameHead) &&
      (earlier === undefined || earlier < sum);
    return (
      slipped(s, pw, excerpt, tolerance) ?? [
        finding('DOC_CLAIM_PARTS_EXCEED', certain ? 'error' : 'warning', s.line, excerpt, params),
      ]
    );
  }
  // Parts short of the whole: a 其中 often itemises only some of it, and "A a、B b等" says so.
  if (parts.length < 2 || endsOpen(s, parts) || pw.main || traits(whole, parts)) return [];
  if (ranked(whole, parts) || partOfAnother(s, whole, parts)) return [];
  params['how'] = pw.exhaustive ? '少于总数' : '少于总数（如其中仅列举部分，请忽略）';
  const slip = slipped(s, pw, excerpt, tolerance);
  if (slip) return slip;
  return [
    finding('DOC_CLAIM_PARTS_SHORT', pw.exhaustive ? 'error' : 'warning', s.line, excerpt, params),
  ];
}

/**
 * A 其中 list checked with the parts the next statement goes on with (parts-going-on.ts): parts
 * that make the whole with them were no shortfall; a list silent alone (one part) that they
 * leave short, when that statement holds nothing but parts all named alike with it, is one (a
 * warning: the next statement may have been another's).
 */
function checkListGoingOn(s: Statement, pw: PartWhole, next: Statement | undefined): Finding[] {
  const own = checkPartWhole(s, pw);
  if (pw.notPartition || (own.length > 0 && own.some((f) => f.code !== 'DOC_CLAIM_PARTS_SHORT')))
    return own;
  const more = partsGoingOn(s, pw, next);
  if (more.length === 0) return own;
  const longer: PartWhole = { ...pw, parts: [...pw.parts, ...more] };
  const found = checkPartWhole(s, longer);
  if (found.length === 0) return [];
  // Said wrong only when the next statement is nothing but such parts, all named alike.
  const whole = next !== undefined && next.claims.length === more.length;
  if (own.length > 0 || pw.parts.length > 1 || !whole || !namedAlike(longer.parts)) return own;
  return found
    .filter((f) => f.code === 'DOC_CLAIM_PARTS_SHORT')
    .map((f) => ({ ...f, severity: 'warning' as const }));
}

/**
 * The rounding step of a figure as the relation shows it: a whole number of money in a list
 * whose total is written finer ("总投资39.2696万元，其中中央资金39万元，自筹资金2696元") was not
 * rounded (a total is worked out from its parts, and known no finer than them), nor is a plan of
 * whole 万元 beside an outcome to the 元 and what is left of it; such a figure has the step of the
 * finest one, any other figure its own.
 */
function stepIn(c: Claim, whole: Claim): number {
  if (c === whole || c.kind !== 'money' || whole.kind !== 'money' || whole.step >= c.step)
    return c.step;
  return /[.．]/.test(c.number) ? c.step : whole.step;
}

/**
 * Designations by the level that granted them ("全国重点文物保护单位2处、自治区级文物保护单位9
 * 处", 国家级/省级龙头企业): the things of lower or no level are left out, so counts of two levels
 * or more short of the whole are a selection.
 */
const RANK_LEVEL = /^(?:全国重点|(?:国家|省|自治区|直辖市|市|州|盟|地区)级)/;

function ranked(whole: Claim, parts: readonly Claim[]): boolean {
  return whole.kind === 'count' && parts.every((c) => RANK_LEVEL.test(c.key || c.name));
}

/** After a part: its amount again in parentheses, then "，占X（…）的" or "，占X的". */
const SHARE_OF_OTHER =
  /^(?:[（(][^（()）]{0,20}[）)])?[，,]占([^，,；;。：:、（()）\d%]{2,16}?)(?:[（(]|的)/;

/**
 * "实际支出A。其中巡查经费B，占项目支出（C）的Z%；标志碑制作费D": a part said to be a share of
 * another whole (项目支出 of 实际支出) shows whose items the list names; parts short of the
 * sentence's whole are then no sum gone wrong.
 */
function partOfAnother(s: Statement, whole: Claim, parts: readonly Claim[]): boolean {
  const own = whole.key || whole.name;
  return parts.some((c) => {
    const other = SHARE_OF_OTHER.exec(s.text.slice(c.end, c.end + 40))?.[1];
    return other !== undefined && own !== '' && !own.endsWith(other) && !other.endsWith(own);
  });
}

/**
 * Traits that people share across groups (女, 少数民族, 党员, 农民工, 老年人, 研究生学历, 高级职称, 35岁以下): the
 * counts of people after 其中 named by them overlap and may leave others out ("党员486名，其中女
 * 党员132名、少数民族党员58名"), so their sum is no partition of the whole.
 */
const TRAIT =
  /^(?:女|男|少数民族|中共党员|党员|共青团员|团员|退役军人|残疾|寄宿|走读|留守|农村|城镇|随迁|进城务工|农民工|老年|老人|妇女|未成年|儿童|特困|低收入|建档立卡|脱贫|低保|家庭经济困难|(?:具有)?(?:博士|硕士|研究生|本科|大专|大学|高级|中级|初级|正高|副高)|\d+(?:周)?岁)/;

function traits(whole: Claim, parts: readonly Claim[]): boolean {
  return whole.kind === 'count' && parts.every((c) => TRAIT.test(c.key || c.name));
}

/**
 * "改造供热管网的小区18个，改造供水管网的小区15个，两项管网同时改造的小区10个": a part named as
 * having two of the others' traits at once (同时, 兼, 既…又) is their overlap, so the parts are no
 * partition of the whole (here 18 + 15 − 10 = 23).
 */
const OVERLAP = /同时|兼(?:任|职|有|具)?|既[^，,；;。]*又|均[^，,；;。]{0,4}的/;

function overlapping(parts: readonly Claim[]): boolean {
  return parts.length >= 3 && parts.some((c) => OVERLAP.test(c.name));
}

const CAPITAL_DIGITS: Record<string, number> = {
  零: 0,
  壹: 1,
  贰: 2,
  叁: 3,
  肆: 4,
  伍: 5,
  陆: 6,
  柒: 7,
  捌: 8,
  玖: 9,
};
const CAPITAL_PLACES: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };

/** "贰仟叁佰肆拾伍万陆仟元伍角" → 分 (234,560,050); undefined where the places are out of order. */
export function capitalsToFen(text: string): number | undefined {
  const m =
    /^([零壹贰叁肆伍陆柒捌玖拾佰仟万亿]*)元(?:([零壹贰叁肆伍陆柒捌玖])角)?(?:([零壹贰叁肆伍陆柒捌玖])分)?整?$/.exec(
      text,
    );
  if (!m) return undefined;
  let total = 0;
  let section = 0;
  let digit = 0;
  let last = Infinity;
  for (const ch of m[1] ?? '') {
    const d = CAPITAL_DIGITS[ch];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const place = CAPITAL_PLACES[ch];
    if (place !== undefined) {
      if (place >= last) return undefined;
      section += (digit || (place === 10 ? 1 : 0)) * place;
      digit = 0;
      last = place;
      continue;
    }
    // 万 closes a section of up to four places; 亿 all that came before it.
    if (ch === '亿') total = (total + section + digit) * 100_000_000;
    else total += (section + digit) * 10_000;
    section = 0;
    digit = 0;
    last = Infinity;
  }
  total += section + digit;
  const jiao = m[2] === undefined ? 0 : (CAPITAL_DIGITS[m[2]] ?? 0);
  const fen = m[3] === undefined ? 0 : (CAPITAL_DIGITS[m[3]] ?? 0);
  const value = total * 100 + jiao * 10 + fen;
  return Number.isSafeInteger(value) ? value : undefined;
}

/** "人民币贰仟叁佰肆拾伍万陆仟元整（23,456,000元）", and the figures before their capitals. */
const CAPITALS_THEN_FIGURE =
  /([零壹贰叁肆伍陆柒捌玖拾佰仟万亿]{2,}元(?:[零壹贰叁肆伍陆柒捌玖]角)?(?:[零壹贰叁肆伍陆柒捌玖]分)?整?)[（(](?:小写[：:]?)?(?:人民币)?[￥¥]?(\d[\d,]*(?:\.\d+)?)(万元|元)?[）)]/g;
const FIGURE_THEN_CAPITALS =
  /[￥¥]?(\d[\d,]*(?:\.\d+)?)(万元|元)[（(](?:大写[：:]?)?(?:人民币)?([零壹贰叁肆伍陆柒捌玖拾佰仟万亿]{2,}元(?:[零壹贰叁肆伍陆柒捌玖]角)?(?:[零壹贰叁肆伍陆柒捌玖]分)?整?)[）)]/g;

/**
 * An amount written in capitals (大写) beside its figure: the two are one amount, so any
 * difference is an error of one of them.
 */
function checkCapitals(s: Statement): Finding[] {
  if (!/[壹贰叁肆伍陆柒捌玖]/.test(s.text)) return [];
  const out: Finding[] = [];
  const pairs = [
    ...[...s.text.matchAll(CAPITALS_THEN_FIGURE)].map((m) => [m[1], m[2], m[3]] as const),
    ...[...s.text.matchAll(FIGURE_THEN_CAPITALS)].map((m) => [m[3], m[1], m[2]] as const),
  ];
  for (const [capitals = '', number = '', unit = '元'] of pairs) {
    const meant = capitalsToFen(capitals);
    const written = parseDecimalToFen(number.replace(/,/g, ''), unit === '万元' ? '万元' : '元');
    if (meant === undefined || written === undefined || meant === written) continue;
    out.push(
      finding('DOC_CLAIM_CAPITALS', 'error', s.line, excerptOf(s.raw, capitals), {
        capitals,
        stated: formatFen(fen(written), '元', 2),
        expected: formatFen(fen(meant), '元', 2),
      }),
    );
  }
  return out;
}

/** Between an amount and the same amount in another unit: "（", "（合", "（折合", "（约". */
const CONVERSION_OPEN = /^[（(](?:即|合|折合|约合?|计)?$/;
/** The same without parentheses, to the end of the clause: "856,000元，折合85.60万元". */
const CONVERSION_SAID = /^[，,]?(?:折合|约合)$/;
const MONEY_PER_FEN: Record<string, number> = { 元: 100, 万元: 1_000_000, 亿元: 10_000_000_000 };

/**
 * "资料印刷费38,920元（38.92万元）": an amount followed by itself in another unit in parentheses
 * must be the same amount within the rounding of the less precise one. Off by a power of ten is
 * a conversion slip (error); off otherwise, perhaps another figure (warning).
 */
function checkConversions(s: Statement): Finding[] {
  if (!/[（(]|折合|约合/.test(s.text)) return [];
  const out: Finding[] = [];
  s.claims.forEach((c, i) => {
    const next = s.claims[i + 1];
    if (!next || c.kind !== 'money' || next.kind !== 'money' || c.unit === next.unit) return;
    if (c.approximate || /元.*元/.test(c.text) || /元.*元/.test(next.text)) return;
    const between = s.text.slice(c.end, next.at);
    const after = s.text.slice(next.end);
    const enclosed = CONVERSION_OPEN.test(between) && /^[）)]/.test(after);
    if (!enclosed && !(CONVERSION_SAID.test(between) && /^(?:[，,；;。]|$)/.test(after))) return;
    const slack = c.step + next.step;
    if (Math.abs(c.value - next.value) <= slack) return;
    const ratio = next.value / c.value;
    const power = Math.round(Math.log10(ratio));
    const slip =
      power !== 0 &&
      Math.abs(c.value * 10 ** power - next.value) <= slack * 10 ** Math.max(0, power) + next.step;
    const per = MONEY_PER_FEN[next.unit] ?? 100;
    const decimals = decimalsIn(next);
    out.push(
      finding(
        'DOC_CLAIM_CONVERTED',
        slip ? 'error' : 'warning',
        s.line,
        excerptOf(s.raw, next.text),
        {
          name: c.name || '金额',
          stated: plainFigure(c),
          converted: plainFigure(next),
          expected: `${(c.value / per).toFixed(Math.max(decimals, 2))}${next.unit}`,
        },
      ),
    );
  });
  return out;
}

/** "项目支出中，A a、B b等": a list of parts whose last one is followed by 等 names some of them. */
function endsOpen(s: Statement, parts: readonly Claim[]): boolean {
  const last = parts[parts.length - 1];
  return last !== undefined && s.claims.includes(last) && /^[）)]?等/.test(s.text.slice(last.end));
}

/** "年初预算A，追加B，调整后预算C": C = A ± the changes, within a rounding step of each figure. */
function checkAdjustment(s: Statement): Finding[] {
  const a = budgetAdjustment(s);
  if (!a) return [];
  const figures = [a.initial, a.adjusted, ...a.changes.map((c) => c.claim)];
  const sum = sumFen([a.initial.value, ...a.changes.map((c) => c.sign * c.claim.value)]);
  const tolerance = BigInt(Math.ceil(figures.reduce((t, c) => t + 2 * c.step, 0)));
  if (abs(sum - BigInt(a.adjusted.value)) <= tolerance) return [];
  const unit = a.adjusted.unit;
  return [
    finding('DOC_CLAIM_ADJUSTED', 'error', s.line, excerptOf(s.raw, a.adjusted.text), {
      label: a.adjusted.name,
      stated: plainFigure(a.adjusted).replace(/[亿万千]?元$/, ''),
      expected: shown(sum, a.adjusted, figures),
      unit: MONEY_UNITS.has(unit) ? unit : '',
      parts: [
        `${a.initial.name}${plainFigure(a.initial)}`,
        ...a.changes.map((c) => `${c.sign < 0 ? '−' : '+'} ${c.claim.name}${plainFigure(c.claim)}`),
      ].join(' '),
    }),
  ];
}

/**
 * "年初结转结余A，本年收入B，本年支出C，年末结转结余D": D = A + B − C within a rounding step of
 * each figure. A warning: a balance may move by items the report does not name.
 */
function checkCarryOvers(statements: readonly Statement[]): Finding[] {
  const out: Finding[] = [];
  for (const c of carryOvers(statements)) {
    const figures = [c.opening, c.income, c.spending, c.closing];
    const sum = sumFen([c.opening.value, c.income.value, -c.spending.value]);
    const tolerance = BigInt(Math.ceil(figures.reduce((t, f) => t + 2 * f.step, 0)));
    if (abs(sum - BigInt(c.closing.value)) <= tolerance) continue;
    const unit = c.closing.unit;
    out.push(
      finding(
        'DOC_CLAIM_ADJUSTED',
        'warning',
        c.statement.line,
        excerptOf(c.statement.raw, c.closing.text),
        {
          label: c.closing.name,
          stated: plainFigure(c.closing).replace(/[亿万千]?元$/, ''),
          expected: shown(sum, c.closing, figures),
          unit: MONEY_UNITS.has(unit) ? unit : '',
          parts: `${c.opening.name}${plainFigure(c.opening)} + ${c.income.name}${plainFigure(c.income)} − ${c.spending.name}${plainFigure(c.spending)}`,
        },
      ),
    );
  }
  return out;
}

/** How many statements back the whole of a 其中 whose statement states none is looked for. */
const WHOLE_WINDOW = 4;

/**
 * A 其中 whose whole was stated in a sentence or paragraph before ("本项目年度预算资金为1,250万元。"
 * then "项目资金按用途分为四部分，其中设备购置580万元…"): the parts are compared with the figures of
 * their kind stated just before. Parts that equal any of them agree; spending parts (支出) are of
 * the nearest outcome, other parts of the largest figure; only parts that exceed it are reported,
 * as a warning (the whole is a reading, and a list may itemise only some of it).
 */
function checkPartsWithoutWhole(
  statements: readonly Statement[],
  groups: readonly { s: Statement; groups: PartWhole[] }[],
): Finding[] {
  const out: Finding[] = [];
  statements.forEach((s, i) => {
    for (const parts of partsWithoutWhole(s)) {
      if (parts.some((c) => c.approximate)) continue;
      const first = parts[0];
      if (!first) continue;
      const candidates: Claim[] = [];
      for (let k = i - 1; k >= Math.max(0, i - WHOLE_WINDOW); k--) {
        const prev = statements[k];
        const own = groups[k];
        if (!prev) break;
        const inner = new Set(own?.groups.flatMap((g) => g.parts) ?? []);
        candidates.push(
          ...prev.claims
            .filter(
              (c) =>
                sameKind(c, first) &&
                !c.approximate &&
                // A nil figure before ("敏感涉密项目0个。所有项目…，其中…") has nothing to itemise.
                c.value !== 0 &&
                c.depth === 0 &&
                !inner.has(c) &&
                !NOT_WHOLE.test(c.name),
            )
            .reverse(),
        );
      }
      if (candidates.length === 0) continue;
      const sum = sumFen(parts.map((c) => c.value));
      const near = (w: Claim): boolean =>
        abs(sum - BigInt(w.value)) <=
        BigInt(Math.ceil([w, ...parts].reduce((t, c) => t + 2 * c.step, 0)));
      if (candidates.some(near)) continue;
      const spending = first.kind === 'money' && parts.every((c) => c.role === 'actual');
      // Parts above every figure before them exceed whichever is meant: the nearest is named.
      const nearest = candidates[0];
      const whole =
        (nearest && candidates.every((c) => sum > BigInt(c.value)) ? nearest : undefined) ??
        (spending ? candidates.find((c) => c.role === 'actual') : undefined) ??
        candidates.reduce((m, c) => (c.value > m.value ? c : m));
      const pw: PartWhole = { whole, parts, exhaustive: false, notPartition: false };
      for (const f of checkPartWhole(s, pw))
        if (f.code === 'DOC_CLAIM_PARTS_EXCEED') out.push({ ...f, severity: 'warning' });
    }
  });
  return out;
}

/**
 * Money handed out to a counted list of recipients ("资金按因素法分配到7个县区：安定区a，通渭县b，…"):
 * a list that names as many amounts as its count is all of the money, so its sum is held against
 * the amount stated just before (its own statement's, else one of the statements before). A sum
 * that equals any figure before it agrees; one within a twentieth of the nearest larger or
 * smaller whole and not equal to it is a wrong sum, reported as a warning (the whole is a reading).
 */
function checkCountedParts(
  statements: readonly Statement[],
  groups: readonly { s: Statement; groups: PartWhole[] }[],
): Finding[] {
  const out: Finding[] = [];
  statements.forEach((s, i) => {
    const m = COUNTED_HANDOUT.exec(s.text);
    if (!m) return;
    const count = /^\d+$/.test(m[1] ?? '') ? Number(m[1]) : chineseCount(m[1] ?? '');
    const colon = m.index + m[0].length;
    const stop = s.text.slice(colon).search(/[。；;]/);
    const end = stop < 0 ? s.text.length : colon + stop;
    const parts = s.claims.filter((c) => c.at >= colon && c.end <= end && c.depth === 0);
    if (count === undefined || count < 2 || parts.length !== count) return;
    if (parts.some((c) => c.kind !== 'money' || c.approximate)) return;
    const before = s.claims.filter((c) => c.end <= m.index && c.kind === 'money');
    const candidates: Claim[] = [...before].reverse();
    for (let k = i - 1; k >= Math.max(0, i - WHOLE_WINDOW); k--) {
      const prev = statements[k];
      if (!prev) break;
      const inner = new Set(groups[k]?.groups.flatMap((g) => g.parts) ?? []);
      candidates.push(
        ...prev.claims
          .filter(
            (c) =>
              c.kind === 'money' &&
              !c.approximate &&
              c.depth === 0 &&
              !inner.has(c) &&
              !NOT_WHOLE.test(c.name),
          )
          .reverse(),
      );
    }
    const sum = sumFen(parts.map((c) => c.value));
    const tolerance = (w: Claim): bigint =>
      BigInt(Math.ceil([w, ...parts].reduce((t, c) => t + 2 * c.step, 0)));
    if (candidates.some((w) => abs(sum - BigInt(w.value)) <= tolerance(w))) return;
    const whole = candidates.find((w) => abs(sum - BigInt(w.value)) * 20n <= BigInt(w.value));
    if (!whole) return;
    const pw: PartWhole = { whole, parts, exhaustive: true, notPartition: false };
    for (const f of checkPartWhole(s, pw)) out.push({ ...f, severity: 'warning' });
  });
  return out;
}

/** 亿元 in 分: a figure this large in 万元, or in 元 restated from 万元, may be a unit's slip. */
const LARGE_SLIP = 10_000 * 1_000_000;

/** "分配到7个县区：", "下达给12个乡镇：": money handed out to a counted list of recipients. */
const COUNTED_HANDOUT =
  /(?:分配|下达|安排|拨付|下拨|分解|切块)(?:到|至|给)?(\d{1,2}|[一二三四五六七八九十]{1,3})个[\u4e00-\u9fff]{1,6}[：:]/;

/** Names that are differences, balances or rates' bases, never the whole of a list of parts. */
const NOT_WHOLE = /增加|减少|增长|下降|差额|结余|结转|比上年|同比|未执行|剩余|节约|追加|调减|调增/;

/**
 * The finding of parts that add up once one figure is read in the other unit, if one does: the
 * slip is reported once, as the unit's, not also as the wrong sum it makes as written.
 */
function slipped(
  s: Statement,
  pw: PartWhole,
  excerpt: string,
  tolerance: bigint,
): Finding[] | undefined {
  const slip = unitSlipIn(pw, tolerance);
  if (!slip) return undefined;
  const [c, meant] = slip;
  return [
    finding('DOC_CLAIM_PART_UNIT', 'warning', s.line, excerpt, {
      name: c.name || '合计',
      stated: plainFigure(c),
      expected: meant,
    }),
  ];
}

/**
 * The figure of a part-whole relation that, read in the other unit (元 for 万元 or the
 * reverse), makes the parts add up to the whole: a 元/万元 slip rather than a wrong sum.
 */
function unitSlipIn(pw: PartWhole, tolerance: bigint): [Claim, string] | undefined {
  if (pw.whole.kind !== 'money') return undefined;
  const all = [pw.whole, ...pw.parts];
  for (const c of all) {
    // 元 written for 万元 leaves a small figure, 万元 written for 元 a large one (856000万元).
    if (c.unit !== '元' && !(c.unit === '万元' && c.value >= LARGE_SLIP)) continue;
    const meant: MoneyUnit = c.unit === '元' ? '万元' : '元';
    const value = c.unit === '元' ? BigInt(c.value) * 10_000n : BigInt(c.value) / 10_000n;
    const read = (x: Claim): bigint => (x === c ? value : BigInt(x.value));
    const sum = sumFen(pw.parts.map((x) => Number(read(x))));
    if (abs(sum - read(pw.whole)) <= tolerance) return [c, `${c.number}${meant}`];
    // The same slip after the text's 万元 were restated in 元 (8,650,000万元 → 86500000000.00元):
    // a figure in 元 ten thousand times what makes the parts add up, read a ten-thousandth.
    if (c.unit === '元' && c.value >= LARGE_SLIP && c.value % 10_000 === 0) {
      const tenth = BigInt(c.value) / 10_000n;
      const again = (x: Claim): bigint => (x === c ? tenth : BigInt(x.value));
      const parts = sumFen(pw.parts.map((x) => Number(again(x))));
      if (
        abs(parts - again(pw.whole)) <= tolerance ||
        // A part above its whole that fits inside it, as below.
        (c !== pw.whole &&
          !pw.exhaustive &&
          BigInt(c.value) > 100n * BigInt(pw.whole.value) &&
          parts <= BigInt(pw.whole.value) + tolerance)
      )
        return [c, `${formatFen(tenth, '元', 2)}元`];
    }
    // "经费42.36万元，其中购置药品支出86,400万元": a part of 万元 written for 元, hundreds of
    // times its whole, that read in 元 fits inside it (a 其中 may name only some of the parts).
    if (
      c !== pw.whole &&
      c.unit === '万元' &&
      !pw.exhaustive &&
      BigInt(c.value) > 100n * BigInt(pw.whole.value) &&
      sum <= BigInt(pw.whole.value) + tolerance
    )
      return [c, `${c.number}${meant}`];
  }
  return undefined;
}

/**
 * "从三方面确保…" and then 一是、二是、三是、四是: a count of aspects against the ordinal list that
 * follows it (a warning). Fewer items than the count say something only where the list is seen
 * to end: more text follows it, or the text ends as written (the rest of a list may otherwise be
 * in a part that is missing).
 */
function checkAspectLists(report: ExtractedReport, statements: readonly Statement[]): Finding[] {
  return aspectLists(statements)
    .filter(
      (l) =>
        l.items.length > l.count ||
        (l.items.length < l.count &&
          (l.closed || !report.truncation || endsAsWritten(report.document, report.outline))),
    )
    .map((l) =>
      finding(
        'DOC_CLAIM_LIST_COUNT',
        'warning',
        l.statement.line,
        excerptOf(l.statement.raw, l.text),
        { stated: l.text, expected: String(l.items.length), items: l.items.join('；') },
      ),
    );
}

/** The level a name of a hierarchy's count holds: 一级指标 1, 三级指标 3. */
const LEVEL_NUMBER = /([一二三四五六1-6])级指标/;

/**
 * "共编制15个绩效目标指标，其中一级指标3个，二级指标8个，三级指标15个": a count of indicators
 * itemised by level counts the leaves, the last level's (a warning where it is neither that nor
 * the levels' sum).
 */
function checkLevelCounts(s: Statement, pw: PartWhole): Finding[] {
  const { whole, parts } = pw;
  // The count's name may stand before it or, as its noun, right after ("共编制15个绩效目标指标").
  const named = /指标/.test(whole.name) || /^[^，,；;。]{0,8}指标/.test(s.text.slice(whole.end));
  if (whole.kind !== 'count' || !named || parts.length < 2) return [];
  const levels = parts.map((c) => LEVEL_NUMBER.exec(c.key || c.name)?.[1]);
  if (levels.some((l) => l === undefined)) return [];
  const depth = (l: string | undefined): number =>
    /\d/.test(l ?? '') ? Number(l) : '一二三四五六'.indexOf(l ?? '') + 1;
  let deepest = 0;
  levels.forEach((l, k) => {
    if (depth(l) > depth(levels[deepest])) deepest = k;
  });
  const leaf = parts[deepest];
  const sum = parts.reduce((t, c) => t + c.value, 0);
  if (!leaf || leaf.value === whole.value || sum === whole.value) return [];
  return [
    finding('DOC_CLAIM_LEVELS', 'warning', s.line, excerptOf(s.raw, whole.text), {
      stated: whole.text,
      level: leaf.name,
      expected: leaf.text,
      sum: String(sum),
    }),
  ];
}

/** Words opening a note in brackets that is no part of the figure before it. */
const NOT_A_DETAIL =
  /^(?:上年|去年|较|比|同比|折合|合计|共计|总计|约|含税|不含|即|其中含?|预算|计划|目标)/;

/**
 * "“差”的项目20个财政资金218.07万元（“三区”人才项目16个49万元）": a note in brackets right after
 * an item's figures, naming some of it with figures of the same units, holds a part of it; a part
 * larger than the item is written wrong (a warning).
 */
function checkDetailsInParens(s: Statement): Finding[] {
  if (!/[（(]/.test(s.text)) return [];
  const out: Finding[] = [];
  for (const m of s.text.matchAll(/[（(]([^（()）]{2,40})[)）]/g)) {
    const open = m.index ?? 0;
    const close = open + m[0].length;
    const inside = s.claims.filter((c) => c.at > open && c.end < close);
    const name = /^[\u4e00-\u9fff“”"]{2,16}/.exec(m[1] ?? '')?.[0] ?? '';
    if (inside.length === 0 || name === '' || NOT_A_DETAIL.test(name)) continue;
    // The item: the figures of the clause right before the bracket.
    const clauseStart = Math.max(
      ...['，', ',', '；', ';', '。', '：', ':'].map((p) => s.text.lastIndexOf(p, open)),
    );
    const item = s.claims.filter((c) => c.at > clauseStart && c.end <= open);
    if (item.length === 0 || s.text.slice(item[item.length - 1]?.end ?? open, open) !== '')
      continue;
    for (const c of inside) {
      const own = item.find((x) => x.kind === c.kind && x.unit === c.unit && c.kind !== 'percent');
      if (!own || c.approximate || own.approximate || c.value <= own.value) continue;
      // "实际支出86.42万元（年初预算90.00万元）": a plan beside an outcome is no part of it.
      if (own.role && c.role && own.role !== c.role) continue;
      out.push(
        finding('DOC_CLAIM_DETAIL_EXCEEDS', 'warning', s.line, excerptOf(s.raw, c.text), {
          label: own.name,
          whole: own.text,
          name: (c.name || name).replace(/[“”"]/g, ''),
          stated: c.text,
          expected: own.text,
        }),
      );
    }
  }
  return out;
}

function checkCountLists(s: Statement): Finding[] {
  const out: Finding[] = [];
  for (const list of countLists(s)) {
    const listed = list.items.length;
    const distinct = new Set(list.items).size;
    const excerpt = excerptOf(s.raw, list.items[0]);
    if (distinct < listed) {
      const seen = new Set<string>();
      const repeated = list.items.find((x) => (seen.has(x) ? true : (seen.add(x), false))) ?? '';
      out.push(
        finding(
          'DOC_CLAIM_LIST_DUPLICATE',
          distinct === list.count ? 'error' : 'warning',
          s.line,
          excerpt,
          { stated: repeated, count: list.text, listed, distinct, expected: null },
        ),
      );
      continue;
    }
    if (listed === list.count) continue;
    if (!list.named && (!list.closed || list.before) && listed < list.count) continue;
    out.push(
      // A warning: two names run together ("机要密码室保密室") or a note read as an item.
      finding('DOC_CLAIM_LIST_COUNT', 'warning', s.line, excerpt, {
        stated: list.text,
        expected: String(listed),
        items: list.items.join('、'),
        ...(list.before === true ? { before: true } : {}),
      }),
    );
  }
  return out;
}

function checkRates(statements: readonly Statement[]): Finding[] {
  const out: Finding[] = [];
  for (const c of completions(statements)) {
    const stated = percentOf(c.rate);
    if (!stated || c.budget.kind !== 'money' || c.actual.kind !== 'money') continue;
    const cmp = comparePercent(stated, c.actual.value, c.budget.value);
    // 0/0, the half-up and the truncated ratio, and rounding of the inputs are all consistent.
    if (!cmp || cmp.agreement !== 'wrong') continue;
    // Amounts written coarsely (1.01亿元 ÷ 1.05亿元) may round those the rate was worked out from.
    if (withinInputRounding(stated, c.actual.value, c.actual.step, c.budget.value, c.budget.step))
      continue;
    // Another plan stated nearby may be the one the rate is of.
    const outcomes = c.actuals ?? [c.actual];
    if (
      c.alternatives.some((b) =>
        outcomes.some((a) => comparePercent(stated, a.value, b.value)?.agreement !== 'wrong'),
      )
    )
      continue;
    // "年初预算…项目支出760.40万元。年中追加…" then "项目支出839.28万元，执行率95.48%": spending
    // over a 年初 plan the report says was raised is of the raised plan, not stated for that part.
    if (cmp.expected > 100 && stated.value <= 100 && raisedLater(statements, c.budget)) continue;
    // "全年预算1260.00万元，全年执行1197.00元，执行率95.00%": the rate is right with one amount
    // in the other unit, written with the same digits: a 元/万元 slip, not a wrong rate.
    const slip = rateUnitSlip(stated, c.actual, c.budget);
    if (slip) {
      out.push(
        finding(
          'DOC_CLAIM_RATE_UNIT',
          c.fromBefore || slip.sameUnit ? 'warning' : 'error',
          c.statement.line,
          excerptOf(c.statement.raw, slip.claim.text),
          {
            name: slip.claim.name,
            stated: plainFigure(slip.claim),
            expected: `${slip.claim.number}${slip.meant}`,
            rate: c.rate.text,
            computed: formatPercent(cmp.expected, stated.decimals),
          },
        ),
      );
      continue;
    }
    out.push(
      finding(
        'DOC_CLAIM_RATE',
        c.fromBefore ? 'warning' : 'error',
        c.statement.line,
        excerptOf(c.statement.raw, c.rate.text),
        {
          label: c.actual.name ? `${c.actual.name}` : '执行率',
          budget: plainFigure(c.budget),
          actual: plainFigure(c.actual),
          stated: c.rate.text,
          expected: formatPercent(cmp.expected, stated.decimals),
        },
      ),
    );
  }
  return out;
}

/** Whether a plan is a 年初 figure of a statement that goes on to raise the year's plan. */
function raisedLater(statements: readonly Statement[], plan: Claim): boolean {
  const k = statements.findIndex((x) => x.claims.includes(plan));
  const s = statements[k];
  if (!s || !/年初/.test(s.text.slice(0, plan.at))) return false;
  // The raise may follow in the plan's sentence or the next one ("年中追加…，全年预算…").
  const after = s.text.slice(plan.end) + (statements[k + 1]?.text ?? '');
  return /追加|调增|增加预算|调整后|调整为/.test(after);
}

/** The amount of a rate that, read in the other of 元 and 万元, makes the rate agree. */
function rateUnitSlip(
  stated: Percent,
  actual: Claim,
  budget: Claim,
): { claim: Claim; meant: MoneyUnit; sameUnit?: true } | undefined {
  if (actual.unit === budget.unit && actual.unit === '元') {
    // Both in 元 after the text's 万元 were restated in 元, the slip left as it was (1187.50元
    // against 12500000.00元 at 95.00%): one figure read in 万元 makes the rate. Read from the
    // figures' size alone, it is a warning.
    for (const claim of [actual, budget]) {
      const value = claim.value * 10_000;
      if (!Number.isSafeInteger(value)) continue;
      const num = claim === actual ? value : actual.value;
      const den = claim === budget ? value : budget.value;
      if (comparePercent(stated, num, den)?.agreement === 'wrong') continue;
      return { claim, meant: '万元', sameUnit: true };
    }
    return undefined;
  }
  for (const [claim, other] of [
    [actual, budget],
    [budget, actual],
  ] as const) {
    const meant: MoneyUnit | undefined =
      claim.unit === '元' ? '万元' : claim.unit === '万元' ? '元' : undefined;
    // Both in one unit ("预算386.50万元…实际支出3,782,600万元，执行率97.87%"): the figure whose
    // digits, read in the other unit, make the rate right was written in the wrong one.
    if (!meant || (other.unit !== meant && other.unit !== claim.unit)) continue;
    const value = claim.unit === '元' ? claim.value * 10_000 : claim.value / 10_000;
    if (!Number.isSafeInteger(value)) continue;
    const num = claim === actual ? value : actual.value;
    const den = claim === budget ? value : budget.value;
    if (comparePercent(stated, num, den)?.agreement === 'wrong') continue;
    return { claim, meant };
  }
  return undefined;
}

/**
 * Whether a stated percentage can be the ratio of two figures as written: each may be off by half
 * its rounding step (2.35万人次 is 23,450 to 23,550), the percentage by half its last digit.
 */
/** A stated percentage, and for one written in tenths (三成) the ten points it is rounded to. */
type StatedPercent = Percent & { half?: number };

function percentOf(c: Claim): StatedPercent | undefined {
  const p = parsePercent(`${c.number}%`);
  return p && c.step > 0.5 * 10 ** -p.decimals ? { ...p, half: c.step } : p;
}

function ratioFits(
  stated: StatedPercent,
  num: Claim,
  den: Claim,
  offset: number,
  denStep = den.step,
): boolean {
  if (den.value - denStep <= 0) return true;
  const lo = (num.value - num.step) / (den.value + denStep);
  const hi = (num.value + num.step) / (den.value - denStep);
  const half = Math.max(0.5 * 10 ** -stated.decimals, stated.half ?? 0) + 1e-9;
  const s = stated.value / 100 + offset;
  return s >= lo - half / 100 && s <= hi + half / 100;
}

/**
 * "其中合格1,228批次，合格率98.25%", "计划3.00万亩，实际建成2.80万亩，任务完成率96.67%": a rate
 * named for its part, or a completion of the plan before it. A warning: the figures a rate is of
 * are read from its name.
 */
function checkNamedRates(s: Statement, k: number, statements: readonly Statement[]): Finding[] {
  const out: Finding[] = [];
  for (const { rate, part, whole, planned } of namedRates(s, statements[k - 1])) {
    const stated = percentOf(rate);
    // A plan written round is usually exact, as with the growth and share checks; so is a whole
    // number of 万元 beside a figure written finer ("预算安排12万元，实际支出8.95万元").
    if (!stated || ratioFits(stated, part, whole, 0, planned ? 0 : stepIn(whole, part))) continue;
    out.push(
      finding('DOC_CLAIM_RATE', 'warning', s.line, excerptOf(s.raw, rate.number), {
        label: part.name || rate.name,
        budget: plainFigure(whole),
        actual: plainFigure(part),
        stated: rate.text,
        expected: rate.text.endsWith('‰')
          ? `${formatPercent((part.value / whole.value) * 1000, Math.max(0, stated.decimals - 1)).replace(/%$/, '')}‰`
          : formatPercent((part.value / whole.value) * 100, stated.decimals),
      }),
    );
  }
  return out;
}

/** A standard per head and, if any, per period: "每人每月", "生均", "人均每年补助". */
const PER_HEAD = /(?:每人|每生|每名|每位|人均|生均)(每(?:月|年|天|日|学期))?[^，,；;。\d]{0,6}$/;

/**
 * "按每人每月1,500万元标准发放": a standard per head in 万元 that no budget pays (10万元 a month or
 * a day, or 1,000万元 at all, for one person) is 元 written as 万元. A warning.
 */
function checkStandards(s: Statement): Finding[] {
  const out: Finding[] = [];
  for (const c of s.claims) {
    if (c.kind !== 'money' || c.unit !== '万元') continue;
    const head = PER_HEAD.exec(c.clause);
    if (!head) continue;
    const limit = head[1] && !/年|学期/.test(head[1]) ? 100_000 : 10_000_000;
    if (c.value < limit * 100) continue;
    out.push(
      finding('DOC_CLAIM_STANDARD_UNIT', 'warning', s.line, excerptOf(s.raw, c.number), {
        stated: `${head[0].replace(/[^每人生名位均月年天日学期]+$/, '')}${plainFigure(c)}`,
        expected: `${c.number.replace(/,/g, '')}元`,
      }),
    );
  }
  return out;
}

/** A figure per household, head, student or mu, group 1 or 2 saying per what. */
const PER_UNIT = /(?:(户|人|生|亩)均|每(户|人|名|生|亩))[^，,；;。\d]{0,8}$/;
/** The units of the count such a figure is per. */
const PER_COUNT: Readonly<Record<string, readonly string[]>> = {
  户: ['户'],
  人: ['人', '名', '人次'],
  名: ['人', '名'],
  生: ['人', '名', '人次'],
  亩: ['亩'],
};

/**
 * "发放补贴资金2,865.30万元…惠及农户3.6万户，户均补贴约795.9万元": a figure per household (head,
 * student, mu) about ten thousand times the money before it over the count before it was written
 * in 万元 for 元 (or the other way). Only a slip of that factor is reported, as a warning: a
 * figure per head may rightly be of other money or another count than the sentence's.
 */
function checkPerUnit(s: Statement, k: number, statements: readonly Statement[]): Finding[] {
  if (!/均|每/.test(s.text)) return [];
  const out: Finding[] = [];
  const isTotal = (t: Claim): boolean => t.kind === 'money' && !PER_UNIT.test(t.clause);
  s.claims.forEach((c, i) => {
    const per = c.kind === 'money' ? PER_UNIT.exec(c.clause) : null;
    const units = PER_COUNT[per?.[1] ?? per?.[2] ?? ''];
    if (!units) return;
    const before = s.claims.slice(0, i);
    const nearest = before.findLast((t) => t.kind === 'count' && units.includes(t.unit));
    // A figure per 生 is per pupil: a count of staff before it ("教职工1,050人，人均…；…生均…")
    // is not its count; the pupils are then those the report counted before.
    const count =
      (per?.[1] ?? per?.[2]) === '生' && !(nearest && PUPILS.test(nearest.key || nearest.name))
        ? pupilsBefore(before, k, statements)
        : nearest;
    if (!count || count.value <= 0) return;
    // The money shared out may be the sentence's (what was spent, when a plan is stated too: "预算
    // A，培训B人次，人均成本C，实际支出D"), or the last of the sentence before; money the figure
    // is named after ("公用经费支出A…，生均公用经费B") is it.
    const totals = s.claims.filter((t) => t !== c && isTotal(t) && t.value > 0);
    const stem = keyOf(c.name.replace(PER_HEAD_STEM, ''));
    const named = stem.length >= 2 ? totals.filter((t) => sharedAs(t, stem)) : [];
    if (named.length !== 1 && totals.length > 1 && totals.some((t) => !offAverage(c, t, count)))
      return;
    const own =
      (named.length === 1 ? named[0] : undefined) ??
      totals.find((t) => t.role === 'actual') ??
      before.findLast(isTotal);
    const earlier = own ? undefined : namedTotal(c, statements, k);
    const total = own ?? earlier ?? statements[k - 1]?.claims.findLast(isTotal);
    if (!total || total.value <= 0) return;
    const each = total.value / count.value;
    const factor = c.value / each;
    // The same slip after the text's 万元 were restated in 元 (795.9万元 → 7959000.00元): a
    // figure in 元 ten thousand times its share.
    const restated = c.unit === '元' && factor > 8_000 && factor < 12_500 && c.value % 10_000 === 0;
    const slip =
      (c.unit === '万元' && factor > 8_000 && factor < 12_500) || restated
        ? '元'
        : c.unit === '元' && factor > 1 / 12_500 && factor < 1 / 8_000
          ? '万元'
          : undefined;
    if (!slip) {
      if (
        (own ?? earlier) &&
        !NOT_THE_YEARS_AVERAGE.test(c.clause) &&
        offAverage(c, total, count) &&
        offEvery(c, total, before, units)
      ) {
        const unit = c.unit === '万元' ? '万元' : '元';
        out.push(
          averageFinding(s, c, total, count, `${formatFen(fen(Math.round(each)), unit, 2)}${unit}`),
        );
      }
      return;
    }
    out.push(
      finding('DOC_CLAIM_PER_UNIT', 'warning', s.line, excerptOf(s.raw, c.number), {
        name: c.name,
        stated: plainFigure(c),
        total: plainFigure(total),
        count: plainFigure(count),
        expected: `${formatFen(fen(Math.round(each)), slip === '元' ? '元' : '万元', 2)}${slip}`,
      }),
    );
  });
  return out;
}

/** Counts of pupils: 在校生, 学生, 幼儿, 学员 (not 教职工). */
const PUPILS = /生|幼儿|学员/;

/**
 * The pupils a figure per 生 is per, when its sentence counts none before it: the one count of
 * 在校生 (学生, 幼儿) of the nearest statement before that states one, not of another year.
 */
function pupilsBefore(
  before: readonly Claim[],
  k: number,
  statements: readonly Statement[],
): Claim | undefined {
  const pupils = (claims: readonly Claim[]): Claim[] =>
    claims.filter(
      (t) =>
        t.kind === 'count' &&
        (t.unit === '人' || t.unit === '名') &&
        !t.approximate &&
        /在校|学生|幼儿/.test(t.key || t.name) &&
        !/上年|去年|同期|较|比/.test(t.clause),
    );
  for (const found of [
    pupils(before),
    ...statements
      .slice(0, k)
      .reverse()
      .map((t) => pupils(t.claims)),
  ]) {
    if (found.length === 0) continue;
    return found.length === 1 ? found[0] : undefined;
  }
  return undefined;
}

/** Money a figure per head is named after: "公用经费支出" for "生均公用经费" (stem "公用经费"). */
function sharedAs(total: Claim, stem: string): boolean {
  const key = total.key || total.name;
  return key.endsWith(stem) || key.replace(/(?:支出|资金|金额)$/, '').endsWith(stem);
}

/**
 * Figures per head that are not this year's total ÷ count: last year's ("较上年人均3.86万元"), a
 * month's or a day's ("月人均保障标准560元"), or a standard set beforehand (保障标准, 补助标准).
 */
const NOT_THE_YEARS_AVERAGE =
  /上年|去年|上一年|同期|[月日天周季](?:人均|户均|生均)|(?:人均|户均|生均)[月日天周]|每(?:月|日|天|周)|标准/;

/** What is shared out per head: "年人均供养经费" → "供养经费". */
const PER_HEAD_STEM = /^.*?(?:[户人生亩]均|每[户人名生亩])/;

/**
 * "其中：特困人员集中供养经费A…。全年集中供养特困人员N人，年人均供养经费B": a figure per head
 * whose sentence states no money is of the money its name ends with in the three sentences
 * before, when exactly one figure there is so named.
 */
function namedTotal(c: Claim, statements: readonly Statement[], k: number): Claim | undefined {
  const stem = keyOf(c.name.replace(PER_HEAD_STEM, ''));
  if (stem.length < 3) return undefined;
  const found: Claim[] = [];
  for (let j = k - 1; j >= Math.max(0, k - 3); j--)
    for (const t of statements[j]?.claims ?? [])
      if (
        t.kind === 'money' &&
        !t.approximate &&
        !PER_UNIT.test(t.clause) &&
        (t.key || t.name).endsWith(stem)
      )
        found.push(t);
  return found.length === 1 ? found[0] : undefined;
}

/**
 * "平均每期56人次", "平均每期培训90人次", "场均80人": an average per session, class or place, group 1
 * or 2 saying per what (a verb of up to four characters may stand before the figure).
 */
const COUNT_AVERAGE =
  /平均每([\u4e00-\u9fff])[\u4e00-\u9fff]{0,4}(?:[（(][\u4e00-\u9fff]{1,3}[）)])?$|([期场批班])均$/;
/**
 * A count per what, written with decimals ("平均每个村（社区）2.6人次"): no count a claim reads (a
 * count is whole), so read here, for the average alone.
 */
const DECIMAL_COUNT = new RegExp(`(?<![\\d.])(\\d+\\.\\d+)(${COUNT_UNITS})`, 'g');

/** Averages of counts written with decimals, as claims of their own sentence (never its list). */
function decimalAverages(s: Statement): Claim[] {
  if (!s.text.includes('均')) return [];
  const out: Claim[] = [];
  for (const m of s.text.matchAll(DECIMAL_COUNT)) {
    const [text, number = '', unit = ''] = m;
    const clause = s.text
      .slice(Math.max(0, m.index - 16), m.index)
      .replace(/^.*[，,；;。：:、]/, '');
    if (!COUNT_AVERAGE.test(clause)) continue;
    const decimals = number.length - number.indexOf('.') - 1;
    out.push({
      kind: 'count',
      value: Number(number),
      unit,
      text,
      number,
      step: 0.5 * 10 ** -decimals,
      name: clause,
      clause,
      key: '',
      role: '',
      approximate: false,
      depth: 0,
      bare: false,
      at: m.index,
      end: m.index + text.length,
    });
  }
  return out;
}

/**
 * "举办培训班5期，培训学员260人次，平均每期56人次": an average of a count per what another count
 * of the sentence counts (期, 场, 个…), against the total of its own unit before it. A warning, as
 * averages of money are: the total may rightly be another than the sentence's.
 */
function checkCountAverages(s: Statement): Finding[] {
  const out: Finding[] = [];
  const decimal = decimalAverages(s);
  [...s.claims, ...decimal].forEach((c, i) => {
    const per = c.kind === 'count' ? COUNT_AVERAGE.exec(c.clause) : null;
    const unit = per?.[1] ?? per?.[2];
    if (!unit) return;
    const before =
      i < s.claims.length ? s.claims.slice(0, i) : s.claims.filter((t) => t.end <= c.at);
    const total = before.findLast(
      (t) => t.kind === 'count' && t.unit === c.unit && !COUNT_AVERAGE.test(t.clause),
    );
    // "平均每场" of "26场次".
    const count = before.findLast(
      (t) => t.kind === 'count' && (t.unit === unit || t.unit === `${unit}次`),
    );
    if (!total || !count || count.value <= 0 || !offAverage(c, total, count)) return;
    const each = total.value / count.value;
    out.push(averageFinding(s, c, total, count, `${Number(each.toFixed(2))}${c.unit}`));
  });
  return out;
}

/** An average off its total ÷ count, of money or of a count: one finding, one set of params. */
function averageFinding(
  s: Statement,
  average: Claim,
  total: Claim,
  count: Claim,
  expected: string,
): Finding {
  return finding('DOC_CLAIM_AVERAGE', 'warning', s.line, excerptOf(s.raw, average.number), {
    name: average.name,
    stated: plainFigure(average),
    total: plainFigure(total),
    count: plainFigure(count),
    expected,
  });
}

/**
 * "人员经费A，在职人员52人，退休人员18人，人均B": with several counts of heads before an average,
 * it may be per any of them or per all together; off only when off each and their sum.
 */
function offEvery(
  average: Claim,
  total: Claim,
  before: readonly Claim[],
  units: readonly string[],
): boolean {
  const counts = before.filter((t) => t.kind === 'count' && units.includes(t.unit));
  if (counts.some((t) => !offAverage(average, total, t))) return false;
  const [first] = counts;
  if (!first || counts.length < 2) return true;
  const sum = counts.reduce((n, t) => n + t.value, 0);
  const step = counts.reduce((n, t) => n + t.step, 0);
  return offAverage(average, total, { ...first, value: sum, step });
}

/**
 * Whether an average stated exactly ("人均6,716元") lies outside total ÷ count by more than the
 * rounding of all three figures and 2% besides (a truncated or loosely rounded average passes).
 */
function offAverage(average: Claim, total: Claim, count: Claim): boolean {
  if (average.approximate || total.approximate || count.approximate) return false;
  const low = (total.value - total.step) / (count.value + count.step);
  const high = (total.value + total.step) / Math.max(1e-9, count.value - count.step);
  const a = average.value;
  const slack = average.step * 2;
  return a + slack < low * 0.98 || a - slack > high * 1.02;
}

function checkFigureRatios(
  s: Statement,
  list: readonly FigureRatio[] = figureRatios(s),
): Finding[] {
  const out: Finding[] = [];
  for (const r of list) {
    const stated = percentOf(r.rate);
    if (!stated) continue;
    // growth: (A − B) / B = A/B − 1; a decline: (B − A) / B = 1 − A/B.
    const sign = r.kind === 'decline' ? -1 : 1;
    const offset = r.kind === 'of' ? 0 : 1;
    const signed = { ...stated, value: sign * stated.value };
    // A base written round ("目标2.2万人次") is usually exact: a rate that agrees only with it
    // rounded is reported, as a warning.
    if (r.alternatives.some((v) => ratioFits(signed, v, r.base, offset, 0))) continue;
    const roundBase = r.alternatives.some((v) => ratioFits(signed, v, r.base, offset));
    const exact = r.value.value / r.base.value;
    const expected = r.kind === 'of' ? exact * 100 : sign * (exact - 1) * 100;
    const sure = r.alternatives.length === 1 && !roundBase;
    if (r.kind === 'of')
      out.push(
        finding(
          'DOC_CLAIM_RATE',
          sure ? 'error' : 'warning',
          s.line,
          excerptOf(s.raw, r.rate.number),
          {
            label: r.value.name || '完成数',
            budget: plainFigure(r.base),
            actual: plainFigure(r.value),
            stated: r.rate.text,
            expected: formatPercent(expected, stated.decimals),
          },
        ),
      );
    else
      out.push(
        finding(
          'DOC_CLAIM_GROWTH',
          sure ? 'error' : 'warning',
          s.line,
          excerptOf(s.raw, r.rate.number),
          {
            label: r.value.name,
            value: plainFigure(r.value),
            base: plainFigure(r.base),
            how: r.kind === 'decline' ? '下降' : '增长',
            stated: r.rate.text,
            // A change the other way is said as such: "下降8.24%" for a stated 增长.
            expected:
              expected < 0
                ? `${r.kind === 'decline' ? '增长' : '下降'}${formatPercent(-expected, stated.decimals)}`
                : formatPercent(expected, stated.decimals),
          },
        ),
      );
  }
  return out;
}

/**
 * "“三公”经费9.86万元，较上年12.40万元减少2.54万元": the change is the difference of the two
 * figures, within a rounding step of each, in the direction its verb says.
 */
function checkDifferences(s: Statement, list: readonly Difference[] = differences(s)): Finding[] {
  const out: Finding[] = [];
  for (const d of list) {
    const diff = d.value.value - d.base.value;
    const three = [d.value, d.base, d.change];
    const finest = three.reduce((a, b) => (b.step < a.step ? b : a));
    const tolerance = 2 * three.reduce((t, c) => t + stepIn(c, finest), 0) + 1e-9;
    if (Math.abs(diff - d.sign * d.change.value) <= tolerance) continue;
    // "A a、B b，较上年的C增加D": the change may be of the list's sum or of the whole it itemises.
    const agrees = (v: number): boolean =>
      Math.abs(v - d.base.value - d.sign * d.change.value) <=
      tolerance + 2 * d.value.step * d.alternatives.length;
    if (d.alternatives.some(agrees)) continue;
    const word = (n: number): string => d.verb ?? (n < 0 ? '减少' : '增加');
    const amount = (n: number): string =>
      d.change.kind === 'money'
        ? `${formatIn(BigInt(Math.round(Math.abs(n))), d.change.unit, decimalsIn(d.change))}${d.change.unit}`
        : `${Math.abs(n)}${d.change.unit}`;
    out.push(
      finding(
        'DOC_CLAIM_DIFFERENCE',
        d.sure ? 'error' : 'warning',
        s.line,
        excerptOf(s.raw, d.change.text),
        {
          label: d.value.name,
          value: plainFigure(d.value),
          base: plainFigure(d.base),
          stated: `${word(d.sign)}${plainFigure(d.change)}`,
          expected: `${word(diff)}${amount(diff)}`,
        },
      ),
    );
  }
  return out;
}

/**
 * "执行率92.35%，较上年的88.10%提高4.52个百分点": the change is the difference of the two
 * percentages, within half a last digit of each figure as written.
 */
function checkPointChanges(s: Statement): Finding[] {
  const out: Finding[] = [];
  for (const c of pointChanges(s)) {
    const diff = c.value.value - c.base.value;
    const tolerance = c.value.step + c.base.step + 0.5 * 10 ** -c.decimals + 1e-9;
    if (Math.abs(diff - c.points) <= tolerance) continue;
    const decimals = Math.max(c.decimals, decimalsIn(c.value), decimalsIn(c.base));
    out.push(
      finding(
        'DOC_CLAIM_GROWTH',
        c.sure === false ? 'warning' : 'error',
        s.line,
        excerptOf(s.raw, c.text),
        {
          label: c.value.name,
          value: c.value.text,
          base: c.base.text,
          how: c.points < 0 ? '下降' : '提高',
          stated: `${String(Math.abs(c.points))}个百分点`,
          expected: `${diff < 0 ? '下降' : ''}${Math.abs(diff).toFixed(decimals)}个百分点`,
        },
      ),
    );
  }
  return out;
}

/**
 * "支出进度95.02%，较上年的91.35%提高3.67%": a change of a percentage written as % is its relative
 * growth; one equal to the difference in points is 个百分点 written as % (a warning), one equal to
 * neither is wrong.
 */
function checkPercentChanges(s: Statement): Finding[] {
  const out: Finding[] = [];
  for (const c of percentChanges(s)) {
    const { value, base, rate } = c;
    if (base.value <= 0) continue;
    const stated = c.sign * rate.value;
    const growthAt = (a: number, b: number): number => ((a - b) / b) * 100;
    const lows = [growthAt(value.value - value.step, base.value + base.step)];
    const highs = [growthAt(value.value + value.step, base.value - base.step)];
    const slack = rate.step + 1e-9;
    const growth = growthAt(value.value, base.value);
    if (stated >= Math.min(...lows) - slack && stated <= Math.max(...highs) + slack) continue;
    const points = value.value - base.value;
    const asPoints = Math.abs(points - stated) <= value.step + base.step + slack;
    const decimals = Math.max(decimalsIn(value), decimalsIn(base), decimalsIn(rate));
    const how = c.sign < 0 ? '下降' : '提高';
    out.push(
      finding(
        'DOC_CLAIM_GROWTH',
        asPoints ? 'warning' : 'error',
        s.line,
        excerptOf(s.raw, rate.text),
        {
          label: value.name,
          value: value.text,
          base: base.text,
          how,
          stated: `${how}${rate.text}`,
          expected: `${Math.abs(points).toFixed(decimals)}个百分点（按增幅计为${Math.abs(growth).toFixed(Math.max(decimalsIn(rate), 1))}%）`,
        },
      ),
    );
  }
  return out;
}

function checkShares(statements: readonly Statement[]): Finding[] {
  const out: Finding[] = [];
  for (const c of shares(statements)) {
    const stated = percentOf(c.share);
    if (!stated) continue;
    const cmp = comparePercent(stated, c.part.value, c.whole.value);
    if (!cmp || cmp.agreement !== 'wrong') continue;
    if (withinRounding(stated, c.part, c.whole)) continue;
    if (
      c.alternatives.some(
        (w) => comparePercent(stated, c.part.value, w.value)?.agreement !== 'wrong',
      )
    )
      continue;
    // "项目支出444.14元，占51.87%" of a total in 万元: the share fits the part read as 万元, so the
    // figure's unit is what is wrong (the sum check says so), and the share only perhaps.
    const slip = unitSlipFactor(c.part, c.whole);
    const slipFits =
      slip !== undefined &&
      comparePercent(stated, c.part.value * slip, c.whole.value)?.agreement !== 'wrong';
    out.push(
      finding(
        'DOC_CLAIM_SHARE',
        c.sure && !slipFits ? 'error' : 'warning',
        c.statement.line,
        excerptOf(c.statement.raw, c.share.text),
        {
          label: c.part.name,
          part: plainFigure(c.part),
          of: c.whole.name,
          whole: plainFigure(c.whole),
          stated: c.share.text,
          expected: formatPercent(cmp.expected, stated.decimals),
        },
      ),
    );
  }
  return out;
}

/**
 * Whether a share fits some pair of amounts that the part and the whole, as written, may have
 * been rounded from: "全年支出约1.17亿元，其中基本支出4,862.35万元，占41.73%" was worked out from
 * the exact spending (11,652.80万元), which 1.17亿元 only rounds.
 */
function withinRounding(stated: Percent, part: Claim, whole: Claim): boolean {
  if (whole.value - whole.step <= 0) return false;
  const low = (100 * Math.max(0, part.value - part.step)) / (whole.value + whole.step);
  const high = (100 * (part.value + part.step)) / (whole.value - whole.step);
  const unit = 0.5 * 10 ** -stated.decimals;
  return stated.value >= low - unit && stated.value <= high + unit;
}

/** 10000 for a part in 元 of a whole in 万元, 1/10000 the other way; undefined otherwise. */
function unitSlipFactor(part: Claim, whole: Claim): number | undefined {
  if (part.kind !== 'money' || whole.kind !== 'money') return undefined;
  if (part.unit === '元' && whole.unit === '万元') return 10000;
  if (part.unit === '万元' && whole.unit === '元') return 1 / 10000;
  return undefined;
}

/** The unit's own annual money: the yardstick of what its prose can plausibly state. */
const YARDSTICK =
  /预算数|执行数|支出合计|收入合计|全年支出|全年收入|总支出|总收入|部门预算|年度预算|预算总额|财政拨款收入|本年收入|本年支出/;
/** Money the unit passes on, raises or reports for its region: not bounded by its own budget. */
const NOT_OWN =
  /下达|转移支付|分配|争取|带动|撬动|拉动|总投资|融资|贷款|投资|社会资本|产值|市场|零售|消费|增加值|规模/;
/** A figure this many times the unit's own year of money cannot be the unit's. */
const MAGNITUDE = 100;
/**
 * In a project's report, the project's own money: its budget, total investment or funds. Money
 * spent on the project cannot be this many times the largest of them.
 */
const PROJECT_MONEY = /预算|总投资|计划投资|项目资金|资金总额|批复|下达/;
const PROJECT_MAGNITUDE = 20;
/** What a project brings about, not what it spends: income, benefits and output it reports. */
const PROJECT_OUTCOME = /增收|收入|收益|效益|挽回|损失|销售|营业|利润|资产|税/;

/** The scope words of a region: "全县", "全市"… */
const REGION_SCOPE = /全[区市县省国州盟旗]/g;
/** The works a project builds or runs. */
const WORKS = /工程|项目/;

function checkMagnitudes(statements: readonly Statement[], project: boolean): Finding[] {
  let yardstick: Claim | undefined;
  const measures = (c: Claim): boolean =>
    YARDSTICK.test(c.name) || (project && PROJECT_MONEY.test(c.name));
  for (const s of statements)
    for (const c of s.claims)
      if (c.kind === 'money' && !c.approximate && c.value > 0 && measures(c))
        if (!yardstick || c.value > yardstick.value) yardstick = c;
  if (!yardstick) return [];
  const out: Finding[] = [];
  const limit = yardstick.value * (project ? PROJECT_MAGNITUDE : MAGNITUDE);
  const beyond = (c: Claim): boolean => c.kind === 'money' && c.value > limit;
  for (const s of statements) {
    // The words that excuse a large figure are looked for only where there is one.
    if (!s.claims.some(beyond)) continue;
    if (NOT_OWN.test(s.text)) continue;
    if (project && PROJECT_OUTCOME.test(s.text)) continue;
    // In a project's report, "全县…工程" is the project's works over the county, not the county's
    // economy: a scope word alone excuses no figure named for the works.
    const regional = REGIONAL_AGGREGATE.test(s.text);
    const scopeOnly = regional && !REGIONAL_AGGREGATE.test(s.text.replace(REGION_SCOPE, ''));
    if (regional && !(project && scopeOnly)) continue;
    for (const c of s.claims) {
      if (!beyond(c)) continue;
      if (regional && !WORKS.test(c.name)) continue;
      out.push(
        finding('DOC_CLAIM_MAGNITUDE', 'warning', s.line, excerptOf(s.raw, c.number), {
          name: c.name,
          stated: plainFigure(c),
          yardstick: yardstick.name,
          base: plainFigure(yardstick),
          factor: Math.round(c.value / yardstick.value),
          expected: null,
        }),
      );
    }
  }
  return out;
}

/** The digits of a figure as written: "8,563.20" → "856320". */
const digitsOf = (number: string): string => number.replace(/[^\d]/g, '');

/**
 * Two digit strings that differ only by two digits swapped anywhere (392696, 396296): of six
 * significant digits or more, not a coincidence between two figures of one report.
 */
const swappedApart = (a: string, b: string): boolean => swapPlaces(a, b) !== undefined;

/** Characters two names share ("项目总投资", "项目资金": 项, 目, 资). */
const sharedChars = (a: string, b: string): number =>
  [...new Set(a)].filter((ch) => b.includes(ch)).length;

/** The whole a name's scope word takes in: "全院职工" is the 职工 of the unit writing. */
const SCOPE =
  /^(?:全(?:院|校|县|区|镇|乡|市|省|州|旗|局|委|所|站|中心|单位|部门)|(?:本|我)(?:院|校|局|委|单位|部门|中心))/;
/** A name without its scope word, "在校学生" said as "在校生" (寄宿学生, 寄宿生 alike). */
const coreOf = (key: string): string => {
  // Only a name that starts with 全, 本 or 我 has a scope word; only one of four ends in 学生.
  const k = /^[全本我]/.test(key) ? key.replace(SCOPE, '') : key;
  return k.length === 4 && k.endsWith('学生') ? k.replace(/^(.{2})学生$/, '$1生') : k;
};

/** Whether every character of `short` stands in `long`, in order ("衔接资金" in "衔接推进…补助资金"). */
function within(short: string, long: string): boolean {
  let p = 0;
  for (const ch of long) if (ch === short[p]) p++;
  return p === short.length;
}

/**
 * "下达…衔接推进乡村振兴补助资金8,563.20万元" … "衔接资金8,536.20万元全部分配到项目": one sum of
 * money, named in full and then shortened, stated again with two neighbouring digits swapped — a
 * slip of the keyboard. Only figures of four or more significant digits in one unit and one
 * role, whose shorter name says what it is beyond generic words and stands in order in the longer
 * (of three digits, "茶园面积42.6万亩" … "茶园总面积46.2万亩", only names one but for a character).
 */
function checkTransposedDigits(
  statements: readonly Statement[],
  of: 'project' | 'department' | undefined = undefined,
): Finding[] {
  // Figures bucketed by their digits sorted: only figures of the same digits can be swaps. Counts
  // too ("在职职工1,286人" … "全院职工1,268人"), of one unit written alike (万亩 with 万亩).
  const buckets = new Map<string, { c: Claim; s: Statement; digits: string; unit: string }[]>();
  const unitOf = (c: Claim): string =>
    c.kind === 'money' ? c.unit : `${c.unit}|${c.text.replace(/,/g, '').slice(c.number.length)}`;
  // One pass over the claims: each name's core is worked out once (the same sets and buckets, in
  // the same order, as a pass for each).
  const keys = new Map<string, Set<string>>();
  for (const s of statements)
    for (const c of s.claims) {
      if (c.kind === 'percent') continue;
      const core = coreOf(c.key);
      const unit = unitOf(c);
      const k = `${c.kind}|${unit}`;
      keys.set(k, (keys.get(k) ?? new Set()).add(core));
      if (!c.approximate && core.length >= 2) {
        if (significant(c.number).length < 3) continue;
        const digits = digitsOf(c.number);
        const sorted = `${c.kind}|${sortedDigits(digits)}`;
        const bucket = buckets.get(sorted);
        if (bucket) bucket.push({ c, s, digits, unit });
        else buckets.set(sorted, [{ c, s, digits, unit }]);
      }
    }
  const longer = (short: string, kind: string): number =>
    [...(keys.get(kind) ?? [])].filter(
      (k) => k !== short && k.length > short.length && within(short, k),
    ).length;
  const out: Finding[] = [];
  for (const money of buckets.values())
    for (let i = 0; i < money.length; i++)
      for (let j = i + 1; j < money.length; j++) {
        const a = money[i];
        const b = money[j];
        if (!a || !b || a.s === b.s || a.unit !== b.unit) continue;
        if (a.c.role && b.c.role && a.c.role !== b.c.role) continue;
        const [ka, kb] = [coreOf(a.c.key), coreOf(b.c.key)];
        // Six significant digits or more with two swapped, anywhere, of two amounts whose names
        // share two characters ("项目总投资39.2696万元" … "项目资金共39.6296万元"): one figure.
        const apart =
          a.c.kind === 'money' &&
          Math.min(significant(a.c.number).length, significant(b.c.number).length) >= 6 &&
          swappedApart(a.digits, b.digits) &&
          sharedChars(ka, kb) >= 2;
        if (!apart && !swappedNeighbours(a.digits, b.digits)) continue;
        const [short, long] = ka.length <= kb.length ? [ka, kb] : [kb, ka];
        // In a report on one project, "项目预算" is that project's budget: specific enough; in a
        // department's, "全年预算" is the department's, "部门预算".
        const own =
          (of === 'project' && short.startsWith('项目') && short.length >= 4) ||
          (of === 'department' &&
            short.replace(GENERIC, '') === '' &&
            long.replace(GENERIC, '') === '部门');
        if (!apart && ((short.replace(GENERIC, '').length < 2 && !own) || !within(short, long)))
          continue;
        // Three digits swap by chance more often: then the names must be one but for a word of
        // one character ("茶园面积" and "茶园总面积"), or the same name ("在校生" twice). A swap
        // with a trailing zero ("1,620人" … "1,602人") is one of four digits, as the other shows.
        const few = Math.max(significant(a.c.number).length, significant(b.c.number).length) < 4;
        if (few && short !== long && (long.length - short.length > 1 || short.length < 4)) continue;
        // A short name that stands in two longer names may be either, or both together.
        if (!apart && short !== long && longer(short, `${a.c.kind}|${a.unit}`) !== 1) continue;
        out.push(
          finding('DOC_CLAIM_RESTATED', 'warning', b.s.line, excerptOf(b.s.raw, b.c.number), {
            name: b.c.name,
            expected: plainFigure(a.c),
            stated: plainFigure(b.c),
            lineA: a.s.line,
            lineB: b.s.line,
            ...rateFitsOf(rateConfirming(b.s, a.c, b.c, b.c)),
          }),
        );
      }
  return out;
}

/** 分 in one of each unit money is written in. */
const FEN_PER: Record<string, bigint> = { 元: 100n, 万元: 1_000_000n, 亿元: 10_000_000_000n };

/** A sum of money written in a coarser unit at its decimals, half up ("1,762,430元" → "176.24" in 万元). */
function digitsIn(fen: number, unit: string, decimals: number): string | undefined {
  const per = FEN_PER[unit];
  if (per === undefined || !Number.isSafeInteger(fen) || fen < 0) return undefined;
  const scaled = BigInt(fen) * 10n ** BigInt(decimals);
  return String((scaled * 2n + per) / (per * 2n));
}

/**
 * "实际支出1,762,430元" … "本项目全年实际支出176.42万元": one sum restated in a coarser unit with two
 * neighbouring digits swapped (176.24 written 176.42). Only figures of four or more significant
 * digits of one role, whose shorter name stands in order in the longer and says what it is — in
 * a report on one project, its bare 实际支出 or 预算 is the project's.
 */
function checkTransposedAcrossUnits(
  statements: readonly Statement[],
  of: 'project' | 'department' | undefined,
): Finding[] {
  const money: { c: Claim; s: Statement }[] = [];
  for (const s of statements)
    for (const c of s.claims)
      if (c.kind === 'money' && !c.approximate && c.unit in FEN_PER && c.key.length >= 2)
        money.push({ c, s });
  // The coarse figures by role, unit, decimals and digits (zeros left out: a swap keeps the
  // others, a shorter conversion is padded with zeros), so each fine figure meets only those it
  // may be a swap of: one pass, however many figures the text states.
  const coarseBy = new Map<string, { c: Claim; s: Statement; written: string }[]>();
  const places = new Map<string, Set<number>>();
  for (const b of money) {
    if (!b.c.role) continue;
    const written = digitsOf(b.c.number);
    if (significant(written).length < 4) continue;
    const decimals = b.c.number.split('.')[1]?.length ?? 0;
    const key = `${b.c.role}|${b.c.unit}|${decimals}|${sortedDigits(written.replace(/0/g, ''))}`;
    const list = coarseBy.get(key);
    if (list) list.push({ ...b, written });
    else coarseBy.set(key, [{ ...b, written }]);
    places.set(b.c.unit, (places.get(b.c.unit) ?? new Set()).add(decimals));
  }
  const out: Finding[] = [];
  for (const a of money) {
    const fine = a.c;
    if (!fine.role) continue;
    for (const [unit, decimalsSeen] of places) {
      if ((FEN_PER[fine.unit] ?? 0n) >= (FEN_PER[unit] ?? 0n)) continue;
      for (const decimals of decimalsSeen) {
        const converted = digitsIn(fine.value, unit, decimals);
        if (!converted) continue;
        const key = `${fine.role}|${unit}|${decimals}|${sortedDigits(converted.replace(/0/g, ''))}`;
        for (const b of coarseBy.get(key) ?? []) {
          const coarse = b.c;
          const written = b.written;
          if (a.s === b.s) continue;
          if (
            converted === written ||
            !swappedNeighbours(converted.padStart(written.length, '0'), written)
          )
            continue;
          const [ka, kb] = [coreOf(fine.key), coreOf(coarse.key)];
          const [short, long] = ka.length <= kb.length ? [ka, kb] : [kb, ka];
          const named = short.replace(GENERIC, '').length >= 2 || of === 'project';
          if (!named || !within(short, long)) continue;
          out.push(
            finding('DOC_CLAIM_RESTATED', 'warning', b.s.line, excerptOf(b.s.raw, coarse.number), {
              name: coarse.name,
              expected: plainFigure(fine),
              stated: plainFigure(coarse),
              lineA: a.s.line,
              lineB: b.s.line,
            }),
          );
        }
      }
    }
  }
  return out;
}

/** People counted, in either measure word: "1,287名受援人", "受援群众1,278人". */
const PEOPLE_UNIT = /^(?:人|名)$/;
/** The people a count names after its measure word, before their verb: "为1,287名受援人提供…". */
const PEOPLE_AFTER =
  /^[\u4e00-\u9fa5]{2,6}?(?=提供|参加|参与|接受|享受|办理|适配|发放|开展|实施|进行|[，,；;。、）)]|$)/;
/** Characters of names of people too common to tie two of them together (人员, 群众, 对象…). */
const PEOPLE_COMMON = /[人员名次共计全年度本累总数为达到群众对象服务各其中已]/;

/** The two-character words of a name of people, common characters left out. */
function peopleWords(name: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 2 <= name.length; i++) {
    const w = name.slice(i, i + 2);
    if (!PEOPLE_COMMON.test(w)) out.add(w);
  }
  return out;
}

/**
 * "全年共为1,287名受援人提供法律援助" … "受援群众共计1,278人": one number of people restated, in
 * the other measure word or under another word for them, with two neighbouring digits swapped.
 * Only counts of four or more significant digits whose names (the people after 名 included) share
 * a word beyond the common ones; counts alike in unit and name are checkTransposedDigits' to judge.
 */
function checkRestatedHeadcounts(statements: readonly Statement[]): Finding[] {
  const people: { c: Claim; s: Statement; name: string; words: Set<string> }[] = [];
  for (const s of statements)
    for (const c of s.claims) {
      if (c.kind !== 'count' || !PEOPLE_UNIT.test(c.unit) || c.approximate || c.depth > 0) continue;
      if (significant(c.number).length < 4) continue;
      const after = c.unit === '名' ? (PEOPLE_AFTER.exec(s.text.slice(c.end))?.[0] ?? '') : '';
      const name = coreOf(c.key) + after;
      people.push({ c, s, name, words: peopleWords(name) });
    }
  const out: Finding[] = [];
  for (let i = 0; i < people.length; i++)
    for (let j = i + 1; j < people.length; j++) {
      const a = people[i];
      const b = people[j];
      if (!a || !b || a.s === b.s || !swappedNeighbours(digitsOf(a.c.number), digitsOf(b.c.number)))
        continue;
      if (a.c.unit === b.c.unit && coreOf(a.c.key).length >= 2 && coreOf(b.c.key).length >= 2)
        continue;
      if (![...a.words].some((w) => b.words.has(w))) continue;
      out.push(
        finding('DOC_CLAIM_RESTATED', 'warning', b.s.line, excerptOf(b.s.raw, b.c.number), {
          name: b.c.name || b.name,
          expected: plainFigure(a.c),
          stated: plainFigure(b.c),
          lineA: a.s.line,
          lineB: b.s.line,
        }),
      );
    }
  return out;
}

/** Of two ways of writing one thing, the usual and the odd one: fewer copies, or later on a tie. */
function oddOneOut<T>(a: T[], b: T[], line: (x: T) => number): [T[], T[]] {
  const first = (list: T[]): number => (list[0] === undefined ? 0 : line(list[0]));
  return a.length > b.length || (a.length === b.length && first(a) <= first(b)) ? [a, b] : [b, a];
}

/** The significant digits of a figure as written: "812,350" → "81235", "0.8600" → "86". */
const significant = (number: string): string => {
  const digits = /[,.]/.test(number) ? number.replace(/[,.]/g, '') : number;
  let from = 0;
  let to = digits.length;
  while (from < to && digits.charCodeAt(from) === ZERO) from++;
  while (to > from && digits.charCodeAt(to - 1) === ZERO) to--;
  return digits.slice(from, to);
};
const ZERO = '0'.charCodeAt(0);

/** The digits of a string of digits in ascending order ("8563" → "3568"), counted, not sorted. */
function sortedDigits(digits: string): string {
  const counts = new Array<number>(10).fill(0);
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(i) - ZERO;
    counts[d] = (counts[d] ?? 0) + 1;
  }
  let out = '';
  counts.forEach((n, d) => (out += String(d).repeat(n)));
  return out;
}

/** The factor between 元 and 万元, and between 万元 and 亿元. */
const WAN = 10_000;

/**
 * Two amounts of one sentence in different units whose sizes cannot both be right: a plan and
 * what was spent of it more than twenty times over it ("“三公”经费预算数为66元，决算数为3.14万元"),
 * or two plans of the year more than a hundred times apart ("年初预算数1088.47元，全年预算数
 * 3385.52万元"), where reading one unit as the other (a factor of ten thousand) makes them fit:
 * spending up to 1.5 times the plan, plans within five times of each other. A warning.
 */
function checkPairUnits(statements: readonly Statement[]): Finding[] {
  const out: Finding[] = [];
  for (const s of statements) {
    const money = s.claims.filter(
      (c) =>
        c.kind === 'money' &&
        !c.approximate &&
        c.value > 0 &&
        c.role !== '' &&
        (c.unit === '元' || c.unit === '万元' || c.unit === '亿元'),
    );
    if (money.length < 2 || new Set(money.map((c) => c.unit)).size < 2) continue;
    for (let i = 0; i + 1 < money.length; i++) {
      const a = money[i];
      const b = money[i + 1];
      if (!a || !b || a.unit === b.unit || a.depth !== b.depth) continue;
      const ratio = b.value / a.value;
      // The larger unit read as the smaller brings b toward a by ten thousand, or away.
      const toward = ratio > 1 ? ratio / WAN : ratio * WAN;
      const spent = a.role === 'budget' && b.role === 'actual';
      const plans = a.role === 'budget' && b.role === 'budget';
      const slip = spent
        ? ratio > 20 && toward <= 1.5
        : plans && (ratio > 100 || ratio < 1 / 100) && toward >= 1 / 5 && toward <= 5;
      if (!slip) continue;
      // Which one is written in the other unit the sentence cannot say: the figure read as the
      // other unit is the later one, reported as the pair.
      const other = b.unit === '元' ? (a.unit === '亿元' ? '亿元' : '万元') : '元';
      out.push(
        finding('DOC_CLAIM_PAIR_UNIT', 'warning', s.line, excerptOf(s.raw, b.number), {
          nameA: a.name,
          nameB: b.name,
          stated: a.text,
          other: b.text,
          times: Math.round(ratio > 1 ? ratio : 1 / ratio),
          expected: `${b.number}${other}`,
        }),
      );
    }
  }
  return out;
}

/** A standard per head or per item: "每人", "每户", "标准", "元/人". */
const PER_ITEM = /每|标准|[/／](?:人|户|亩|个|次|年|月)/;

/**
 * The same figure written once in 元 and once in 万元 ("实际支出812,350元" … "全年实际支出812,350万元"):
 * one of them has the wrong unit. Only figures of four or more significant digits, or three of
 * four digits or more ("8010"), are compared (a round 3,600 may be both); the one written fewer
 * times (the later on a tie) is reported.
 */
function checkDigitSlips(statements: readonly Statement[]): Finding[] {
  const byDigits = new Map<string, { claim: Claim; statement: Statement }[]>();
  for (const s of statements)
    for (const c of s.claims) {
      if (c.kind !== 'money' || c.approximate || /元.*元/.test(c.text)) continue;
      if (c.unit !== '元' && c.unit !== '万元' && c.unit !== '亿元') continue;
      const digits = significant(c.number);
      // Three significant digits of four or more ("8010"), unless the figure is a standard per
      // head or per item ("每人每年1250元"): those recur beside totals by chance.
      const plain = c.number.replace(/,/g, '');
      if (
        digits.length < 3 ||
        (digits.length === 3 && (plain.length < 4 || PER_ITEM.test(c.clause)))
      )
        continue;
      const key = `${digits}|${plain}`;
      const bucket = byDigits.get(key);
      if (bucket) bucket.push({ claim: c, statement: s });
      else byDigits.set(key, [{ claim: c, statement: s }]);
    }
  const out: Finding[] = restatedSlips(statements);
  // Units ten thousand apart: 元 and 万元, 万元 and 亿元 ("86.32亿元" … "86.32万元").
  for (const list of byDigits.values())
    for (const [small, large] of [
      ['元', '万元'],
      ['万元', '亿元'],
    ] as const) {
      const yuan = list.filter((x) => x.claim.unit === small);
      const wan = list.filter((x) => x.claim.unit === large);
      if (yuan.length === 0 || wan.length === 0) continue;
      const [major, minor] = oddOneOut(yuan, wan, (x) => x.statement.line);
      const x = minor[0];
      const ref = major[0];
      if (!x || !ref) continue;
      out.push(
        finding(
          'DOC_CLAIM_UNIT_SLIP',
          'warning',
          x.statement.line,
          excerptOf(x.statement.raw, x.claim.number),
          {
            name: x.claim.name || ref.claim.name,
            expected: plainFigure(ref.claim),
            stated: plainFigure(x.claim),
            lineA: ref.statement.line,
            lineB: x.statement.line,
            units: `${small}与${large}`,
          },
        ),
      );
    }
  return out;
}

/**
 * The slip of `checkDigitSlips` after a text's 万元 were restated in 元: the same figure of the
 * same name (one name the other's end, or four characters of their ends shared) twice, one ten thousand times the other and of a hundred
 * million 元 or more, one of them at least in 元 ("全年预算2360000.00元" … "全年预算23600000000.00元",
 * the second once 2,360,000万元; "旅游综合收入86.32亿元" … "旅游综合收入863200.00元", once 86.32万元).
 * The one restated is reported: the one in 元, the larger of two in 元.
 */
function restatedSlips(statements: readonly Statement[]): Finding[] {
  const byValue = new Map<number, { claim: Claim; statement: Statement }[]>();
  const large: { claim: Claim; statement: Statement }[] = [];
  for (const s of statements)
    for (const c of s.claims) {
      if (c.kind !== 'money' || c.approximate || c.name === '') continue;
      if (significant(c.number).length < 3) continue;
      const bucket = byValue.get(c.value);
      if (bucket) bucket.push({ claim: c, statement: s });
      else byValue.set(c.value, [{ claim: c, statement: s }]);
      if (c.value >= LARGE_SLIP && c.value % 10_000 === 0) large.push({ claim: c, statement: s });
    }
  // One name the other's end ("项目全年预算" and "全年预算"), or four characters at least of their
  // ends shared ("实现旅游综合收入" and "全县旅游综合收入"): the same figure named.
  const sameName = (a: string, b: string): boolean => {
    let k = 0;
    while (k < a.length && k < b.length && a[a.length - 1 - k] === b[b.length - 1 - k]) k++;
    return k >= Math.min(4, a.length, b.length);
  };
  const out: Finding[] = [];
  for (const big of large) {
    const small = byValue.get(big.claim.value / 10_000)?.find(
      (y) =>
        sameName(y.claim.name, big.claim.name) &&
        (y.claim.unit === '元' || big.claim.unit === '元') &&
        // The same digits in two units are checkDigitSlips' own.
        plainFigure(y.claim).replace(/[^\d.]/g, '') !==
          plainFigure(big.claim).replace(/[^\d.]/g, ''),
    );
    if (!small) continue;
    const [x, ref] = big.claim.unit === '元' ? [big, small] : [small, big];
    const units = x.claim.unit === '亿元' || ref.claim.unit === '亿元' ? '万元与亿元' : '元与万元';
    out.push(
      finding(
        'DOC_CLAIM_UNIT_SLIP',
        'warning',
        x.statement.line,
        excerptOf(x.statement.raw, x.claim.number),
        {
          name: x.claim.name,
          expected: plainFigure(ref.claim),
          stated: plainFigure(x.claim),
          lineA: ref.statement.line,
          lineB: x.statement.line,
          units,
        },
      ),
    );
  }
  return out;
}

/** "单位：万元", "（单位：元）", "金额单位:万元": the money unit a table declares. */
const TABLE_UNIT = /单位[：:]?(亿元|万元|元)/;

/**
 * The money of tables that say their unit (in the table or in the line before it), by row name:
 * "基本支出 | 298.40 | 326.18" in a 万元 table gives 基本支出 → 298.40万元 and 326.18万元.
 */
function tableMoney(blocks: readonly Block[]): Map<string, { fen: number; line: number }[]> {
  const out = new Map<string, { fen: number; line: number }[]>();
  blocks.forEach((b, i) => {
    if (b.kind !== 'table' || !b.rows) return;
    // The caption says the unit, in the line before or the one before a header line.
    const caption = [blocks[i - 1], blocks[i - 2]]
      .filter((x) => x !== undefined && x.kind !== 'table')
      .map((x) => x?.text ?? '');
    const unit = [b.text.slice(0, 400), ...caption]
      .map((t) => TABLE_UNIT.exec(t)?.[1])
      .find(Boolean);
    if (unit !== '元' && unit !== '万元' && unit !== '亿元') return;
    // A table read from a PDF's text has a row a line: its cells run together on it, parted by
    // spaces, or one cell a line, a row's label on the line before its figures.
    let label: string | undefined;
    for (const row of b.rows) {
      let cells = row.cells.flatMap((c) => c.split('\t')).map((c) => c.trim());
      if (cells.length === 1) cells = (cells[0] ?? '').split(/[ \u3000]+/);
      const own = cells.find((c) => c !== '' && !/\d/.test(c));
      const alone = cells.length === 1;
      if (own) label = own;
      else if (!alone) label = undefined;
      if (!label) continue;
      const key = keyOf(label.replace(/\s+/g, ''));
      if (key.length < 2) continue;
      for (const c of cells) {
        const a = amountIn(c, unit);
        if (a && a.fen > 0) out.set(key, [...(out.get(key) ?? []), { fen: a.fen, line: row.line }]);
      }
    }
  });
  return out;
}

/**
 * A figure of the prose that is a table's figure of the same name times or divided by 10,000
 * ("基本支出3,261,800万元" where the 万元 table says 326.18): 元 written as 万元 or the reverse.
 */
function checkTableSlips(blocks: readonly Block[], statements: readonly Statement[]): Finding[] {
  if (!blocks.some((b) => b.kind === 'table')) return [];
  const money = tableMoney(blocks);
  if (money.size === 0) return [];
  const out: Finding[] = [];
  for (const s of statements)
    for (const c of s.claims) {
      if (c.kind !== 'money' || c.approximate || c.key === '') continue;
      const rows = money.get(c.key);
      const hit = rows?.find((r) => c.value === r.fen * 10_000 || c.value * 10_000 === r.fen);
      if (!hit || rows?.some((r) => r.fen === c.value)) continue;
      out.push(
        finding('DOC_CLAIM_UNIT_SLIP', 'warning', s.line, excerptOf(s.raw, c.number), {
          name: c.name,
          expected: `${formatIn(BigInt(Math.round(hit.fen)), c.unit, 2)}${c.unit}（表中）`,
          stated: plainFigure(c),
          lineA: hit.line,
          lineB: s.line,
        }),
      );
    }
  return out;
}

/**
 * "审计业务外包服务…全年支出568,500元" in the sentences right after a table listing 审计业务外包服务
 * with 58.65万元 spent: a row's amount restated under the row's name (or a name that says nothing
 * else) in another figure, in either unit, is a restatement that differs (a warning). Only a
 * figure within a fifth of the row's is taken for it: a larger gap is another quantity.
 */
function checkListRestatements(
  blocks: readonly Block[],
  statements: readonly Statement[],
): Finding[] {
  const out: Finding[] = [];
  for (const { grid, header } of listGrids(blocks)) {
    const unit = header.units.get('executed') ?? header.units.get('budget');
    const nameAt = header.columns.get('name');
    if (!unit || nameAt === undefined) continue;
    const money = (row: readonly string[], role: 'budget' | 'executed'): number | undefined => {
      const c = header.columns.get(role);
      return c === undefined ? undefined : amountIn(row[c], unit)?.fen;
    };
    const rows = grid.rows.slice(header.row + 1).flatMap((row, k) => {
      const label = squash(row[nameAt] ?? '');
      if (label.length < 3 || TOTAL_ROW.test(label)) return [];
      const line = grid.lines[header.row + 1 + k] ?? grid.line;
      return [{ label, line, budget: money(row, 'budget'), executed: money(row, 'executed') }];
    });
    const end = Math.max(grid.line, ...grid.lines);
    // Read as text, the table's lines may run on into the sentence after it ("…合计645.80612.64
    // 其中…"): that sentence's figures are those after the table's last row.
    const last = squash((grid.rows[grid.rows.length - 1] ?? []).join(''));
    const after = statements.filter((x) => x.line > end).slice(0, 2);
    const around = statements.filter((x) => x.line <= end && last !== '' && x.text.includes(last));
    for (const s of [...around, ...after]) {
      const from = s.line > end ? 0 : s.text.lastIndexOf(last) + last.length;
      // A sentence the table's lines ran on into starts after the table's last line.
      const line = s.line > end ? s.line : end + 1;
      for (const c of s.claims) {
        if (c.kind !== 'money' || c.approximate || c.at < from) continue;
        let row: (typeof rows)[number] | undefined;
        let at = from - 1;
        for (const r of rows) {
          const k = s.text.lastIndexOf(r.label, c.at);
          if (k > at) [row, at] = [r, k];
        }
        if (!row) continue;
        // The figure's own name says nothing but what the row is ("全年支出", "…抚恤补助支出").
        const name = c.name.includes(last)
          ? c.name.slice(c.name.lastIndexOf(last) + last.length)
          : c.name;
        const own = name.replace(row.label, '').replace(GENERIC, '').replace(ROLE_WORDS, '');
        if (own !== '' && !row.label.includes(own)) continue;
        const known = [row.budget, row.executed].filter((v): v is number => v !== undefined);
        if (known.some((v) => Math.abs(v - c.value) <= c.step)) continue;
        const compared =
          c.role === 'budget' ? row.budget : c.role === 'actual' ? row.executed : undefined;
        const near = (compared === undefined ? known : [compared]).find(
          (v) => Math.abs(c.value - v) * 5 <= v,
        );
        if (near === undefined) continue;
        out.push(
          finding('DOC_CLAIM_RESTATED', 'warning', line, excerptOf(s.raw, c.number), {
            name: row.label,
            expected: `${formatIn(BigInt(Math.round(near)), c.unit, 2)}${c.unit}（表中）`,
            stated: plainFigure(c),
            lineA: row.line,
            lineB: line,
          }),
        );
      }
    }
  }
  return out;
}

/** "共实施项目5个，具体如下：": a count of the items a table then lists. */
const INTRODUCES = /^[^。；;]{0,12}?(?:如下|下表|见表)/;

/**
 * "全年共实施项目5个，具体如下：" before a table listing four projects and their 合计: the count
 * stated against the rows listed (a warning, as for a list in prose). Only a table closed by its
 * 合计 row is counted: one cut by a page may have lost rows.
 */
function checkListedCount(blocks: readonly Block[], statements: readonly Statement[]): Finding[] {
  const out: Finding[] = [];
  for (const { grid, header } of listGrids(blocks)) {
    const nameAt = header.columns.get('name') ?? 0;
    const body = grid.rows.slice(header.row + 1).map((r) => squash(r[nameAt] ?? r[0] ?? ''));
    const total = body.findIndex((x) => TOTAL_ROW.test(x));
    if (total < 2 || body.slice(0, total).some((x) => x === '' || /^其中/.test(x))) continue;
    const items = body.slice(0, total);
    // The sentence that opens the table: the last before it, or the one its lines ran on into.
    const head = squash(grid.rows[header.row]?.join('') ?? '');
    const s =
      statements.find((x) => x.line <= grid.line && head !== '' && x.text.includes(head)) ??
      statements.findLast((x) => x.line < grid.line);
    if (!s) continue;
    const end = head !== '' && s.text.includes(head) ? s.text.indexOf(head) : s.text.length;
    const count = s.claims.findLast(
      (c) =>
        c.kind === 'count' &&
        c.end <= end &&
        /^[个项]$/.test(c.unit) &&
        /项目/.test(c.name) &&
        INTRODUCES.test(s.text.slice(c.end, end)),
    );
    if (!count) {
      out.push(...placesCounted({ grid, header }, items, statements));
      continue;
    }
    if (count.value === items.length || count.approximate) continue;
    out.push(
      finding('DOC_CLAIM_LIST_COUNT', 'warning', s.line, excerptOf(s.raw, count.number), {
        stated: `${/项目$/.test(count.name) ? '项目' : ''}${count.text}`,
        expected: String(items.length),
        items: items.join('、'),
      }),
    );
  }
  return out;
}

/** The unit a counted column's header gives: in brackets, else by its word (扶助人数 → 人). */
function countedUnit(head: string): string | undefined {
  const bracket = /[（(]([^（()）]+)[）)]$/.exec(head)?.[1];
  if (bracket) return bracket;
  if (/人次$/.test(head)) return '人次';
  if (/人数$/.test(head)) return '人';
  if (/户数$/.test(head)) return '户';
  return undefined;
}

/**
 * "全市落实计划生育扶助对象31,379人" against a list table's 扶助人数（人） 合计 31,397: a count in
 * prose in the column's unit, named with a word of its header (two characters or more), whose
 * digits are the 合计's with two neighbouring ones swapped, is that 合计 mistyped (a warning).
 */
function checkCountedTotals(blocks: readonly Block[], statements: readonly Statement[]): Finding[] {
  const out: Finding[] = [];
  for (const { grid, header } of listGrids(blocks)) {
    const totalAt = grid.rows.findIndex(
      (r, k) => k > header.row && TOTAL_ROW.test(squash(r[header.columns.get('name') ?? 0] ?? '')),
    );
    const total = grid.rows[totalAt];
    if (!total) continue;
    const taken = new Set(header.columns.values());
    (grid.rows[header.row] ?? []).forEach((cell, c) => {
      const head = squash(cell);
      if (taken.has(c) || !COUNTED.test(head) || NOT_COUNTED.test(head)) return;
      const unit = countedUnit(head);
      const digits = (total[c] ?? '').replace(/[,，\s]/g, '');
      if (!unit || !/^\d{4,}$/.test(digits)) return;
      const words = head
        .replace(/[（(][^（()）]*[）)]$/, '')
        .replace(/(?:人数|人次|户数|个数|数量)$/, '');
      for (const s of statements) {
        if (s.line >= grid.line && s.line <= Math.max(grid.line, ...grid.lines)) continue;
        for (const x of s.claims) {
          if (x.kind !== 'count' || x.unit !== unit || x.approximate) continue;
          const written = x.number.replace(/[,，]/g, '');
          if (!swappedNeighbours(digits, written)) continue;
          if (words.length < 2 || commonRun(x.clause, words) < 2) continue;
          out.push(
            finding('DOC_CLAIM_RESTATED', 'warning', s.line, excerptOf(s.raw, x.number), {
              name: `${head}合计`,
              stated: x.text,
              expected: `${digits}${unit}`,
              lineA: grid.lines[totalAt] ?? grid.line,
              lineB: s.line,
            }),
          );
        }
      }
    });
  }
  return out;
}

/** A list table's rows named by places: its name column's header ("县（市、区）", "乡镇"). */
const PLACE_HEADER = /^(?:[县区市州]|乡镇|街道)(?:[（(][县区市州、]+[）)])?$/;
/** How many statements before a table its count of places is looked for. */
const PLACES_BACK = 3;

/**
 * "资金分配到全市11个县（市、区）" above a table of the places (县（市、区）| 下达资金 | …) with ten
 * rows and their 合计: the count said in the paragraph before the table, in the header's own
 * words, against the places listed (a warning).
 */
function placesCounted(
  { grid, header }: ReturnType<typeof listGrids>[number],
  items: readonly string[],
  statements: readonly Statement[],
): Finding[] {
  const word = squash(grid.rows[header.row]?.[header.columns.get('name') ?? 0] ?? '');
  if (!PLACE_HEADER.test(word)) return [];
  const counted = new RegExp(`(\\d{1,3})个${word.replace(/[()（）、]/g, '\\$&')}`);
  const before = statements.filter((x) => x.line < grid.line).slice(-PLACES_BACK);
  for (const s of before.reverse()) {
    const m = counted.exec(s.text);
    if (!m) continue;
    const count = Number(m[1]);
    if (count === items.length) return [];
    return [
      finding('DOC_CLAIM_LIST_COUNT', 'warning', s.line, excerptOf(s.raw, m[0]), {
        stated: m[0],
        expected: String(items.length),
        items: items.join('、'),
      }),
    ];
  }
  return [];
}

/** Words that say nothing of what a quantity is: a name of only these identifies nothing. */
const GENERIC =
  /资金|金额|执行|涉及|财政|实际|预算|安排|共计|合计|总计|累计|总额|总数|数额|其中|达到|完成|拨付|下达|支出|收入|投入|共|计|为|达|已|了|的|总|数|约|年|全|各|项目|资金量/g;
/**
 * "…基金项目，年度指标值≥6项": a column word of an indicator names the target or outcome of the
 * indicator before it, a different one in each sentence, not a quantity of its own.
 */
const INDICATOR_COLUMN = /(?:指标值|目标值|完成值|年度目标|完成情况)[≥≤<>=＜＞]?$/;
/** Kinds of spending: specific names, though made of generic words. */
const KIND_OF_SPENDING = /(?:基本|项目|人员|公用)支出/;
/** The department's overall totals: restated with a 0.01 万元 difference, a rounding slip. */
const TOTAL_FAMILY =
  /累计收入|累计支出|预算资金|合计预算|全年执行数|全年预算数|收入合计|支出合计|总收入|总支出/;

/** When in the year a plan stands: "项目年初预算" is one quantity, though made of generic words. */
const POINT_OF_YEAR = /年初|年中|年末|年度|调整后/;

const MEASURES = new Set(['平方米', '立方米', '公里', '千米', '亩', '吨']);

interface Stated {
  claim: Claim;
  key: string;
  /** The restated key of the whole it is a part of, or ''. */
  whole: string;
  statement: Statement;
}

/** A statement opening with the label of an item of money: "2. 渔民技术培训项目：" (group 1). */
const ITEM_LABEL =
  /^(?:\d{1,2}[.、．]|[（(][一二三四五六七八九十\d]{1,2}[）)]|[一二三四五六七八九十]{1,2}是)?([^，,；;。：:\d（()）]{2,24}?(?:项目|工程|资金|经费))[：:]/;

/** Words of a name that say whether it is a plan or an outcome: the role says it already. */
const ROLE_WORDS = /预算数?|安排|批复|核定|计划数?|实际|实有|现有|执行数?|决算数?/g;
/** "部门预算安排项目支出" is the 项目支出 of the report's own unit. */
const OWNER = /^(?:部门|单位|全局|全院|全委|全校|全镇|全乡|机关|街道|学校|医院)/;

/**
 * A name of a project's report as the project's: "项目下达资金" is the 医疗设备购置项目's, and so is
 * "上级下达医疗设备购置资金" (money passed down under the project's name without 项目).
 */
function ofTheProject(key: string, project: string): string {
  const bare = project.slice(0, -2);
  if (key.startsWith('项目')) return `${bare}${key}`;
  const passed = /^(?:上级|中央|省级|市级|县级|省|市|县)?(?:财政)?下达(?:的)?(.{2,})$/.exec(key);
  if (passed?.[1] === bare || passed?.[1] === project) return `${bare}项目下达`;
  return key;
}

/**
 * The unit naming itself inside a name ("预算安排我局专项资金项目"): its quantities are the unit's
 * with or without it ("预算安排专项资金项目").
 */
const SELF = /(?:我|本)(?:局|厅|委|办|院|校|中心|单位|部门|站|所|馆|队)(?!长|领导)/g;
/** A work said as done: 已 before it, the 成 of 新建成. */
const DONE_ASPECT = /^已(?:经)?|(?<=^(?:已(?:经)?)?新建)成/g;
/** A quantity said as attained ("实现医疗收入", "取得经营收入"): the quantity itself. */
const ATTAINED = /^(?:实现|取得)(?=.{2})/;
/** "本项目总投资", "该项目总投资" and "项目总投资" are one quantity of a project's report. */
const THIS_PROJECT = /^(?:本|该|此)(?=项目)/;
/** The identity of a restated quantity: its name without years, pronouns, role words and owner. */
const restatedKey = (c: Claim): string =>
  c.key
    .replace(ROLE_WORDS, '')
    .replace(OWNER, '')
    .replace(SELF, '')
    // "已新建成冷藏库" is the "新建冷藏库" of the plan, said as done.
    .replace(DONE_ASPECT, '')
    .replace(THIS_PROJECT, '')
    // "全院实现医疗收入" is the 医疗收入 said as attained.
    .replace(ATTAINED, '')
    .replace(/共有|共计|总计/g, '')
    // "调整后预算" and "调整预算" name one plan.
    .replace(/调整后/, '调整')
    // "项目年度预算资金" and "项目年度预算" name one amount.
    .replace(/(?<=.{2})(?:资金|金额)$/, '');

/**
 * The year's whole spending, budget or income named by itself or after the unit as 本/我 and
 * its kind ("本局", "我中心", "本大队"), with the year it is of.
 */
const YEAR_WHOLE =
  /^(?:(?:本|我)[\u4e00-\u9fff]{0,2}?(?:局|院|委|校|中心|站|所|馆|会|社|队|办|厅|处))?(?:(?:19|20)\d{2}年度?|本年度?|当年)?(全年(?:支出|收入|预算))$/;
/** What may open a sentence before the year's whole: a lead-in, the year's other wholes. */
const YEAR_WHOLE_LEAD =
  /^(?:(?:经自评|经评价|综上所述?|总体(?:来看|而言|上看))[，,])?(?:(?:(?:19|20)\d{2}年度?)?全年(?:支出|收入|预算)(?:为|达)?[\d,.]+万元[，,])*$/;
/** A heading of its own: "（二）预算执行", "四、自评结论", "（一）就业补助资金。". */
const HEADING =
  /^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[.、．](?!\d))([^，,；;。\d]{1,24})[。：:]?$/;
/** The words of the chapters on the unit as a whole. */
const CHAPTER_WORDS = /情况|执行|结论|概况|收支|决算|总体|整体|自评/;

/**
 * The year's whole of the unit a figure states, when its name is that alone and it opens its
 * sentence (after a lead-in or the year's other wholes): "全年支出", "本局全年预算".
 */
function unitYearWhole(s: Statement, c: Claim): string | undefined {
  const name = squash(c.name);
  const own = YEAR_WHOLE.exec(name)?.[1];
  if (!own) return undefined;
  const before = s.text.slice(0, c.at);
  const start = Math.max(...['。', '；', ';', '！'].map((p) => before.lastIndexOf(p))) + 1;
  const sentence = before.slice(start);
  if (!sentence.endsWith(name)) return undefined;
  return YEAR_WHOLE_LEAD.test(sentence.slice(0, sentence.length - name.length)) ? own : undefined;
}

/** The general budget named before 财政拨款 (its 预算 already left out of the key). */
const GENERAL_FUND = /^一般公共(?=财政拨款)/;
const OTHER_FUND = /政府性基金|国有资本经营/;

/**
 * The project a 项目支出绩效自评报告 is of, from its title ("…2023年度医疗设备购置项目支出绩效自评
 * 报告" → "医疗设备购置项目"); undefined for other reports.
 */
function projectOfTitle(title: string | undefined): string | undefined {
  if (!title || /部门整体/.test(title)) return undefined;
  const t = squash(title);
  // "…局侗族文化生态保护区建设项目2023年度绩效自评报告": the year after the project's name, the
  // unit's name before it.
  const m =
    /(?:19|20)\d{2}年度?(.{2,30}?项目)(?:支出)?绩效/.exec(t) ??
    /(?:^|[局委院厅站所馆办队社])((?:(?![局委院厅站所馆办队社]).){2,30}?项目)(?:19|20)\d{2}年度?(?:项目)?(?:支出)?绩效/.exec(
      t,
    );
  const name = m?.[1];
  return name && name.replace(GENERIC, '').length >= 2 ? name : undefined;
}

/** What a report evaluates by its title: one project's spending or a department's whole. */
function reportOf(title: string | undefined): 'project' | 'department' | undefined {
  if (isProjectReport(title)) return 'project';
  return /部门整体|整体支出/.test(squash(title ?? '')) ? 'department' : undefined;
}

/** A report on one project's spending, by its title (项目…绩效自评报告, not 部门整体). */
function isProjectReport(title: string | undefined): boolean {
  const t = squash(title ?? '');
  return /项目/.test(t) && /绩效|自评/.test(t) && !/部门整体|整体支出/.test(t);
}

/** Work a goal sets out to do: "完成老旧小区改造12个", "培训农民2000人次", "购置设备46台". */
const GOAL_WORK =
  /完成|开展|实现|达到|新建|建成|改造|培训|发放|提高|提升|控制|确保|力争|保障|覆盖|推进|落实|组织|举办|新增|减少|降低|实施|建设|安排|支持|资助|补助|救助|服务|治理|修复|种植|养护|购置|采购|购买|配备|更新|维修/;
/** The role part of a restated figure's key for the goals of the year. */
const GOAL = 'goal';

function checkRestatements(
  groups: readonly { s: Statement; groups: PartWhole[] }[],
  reportYear: string,
  titleProject?: string,
  sections: readonly Section[] = [],
): Finding[] {
  // A part's whole qualifies it ("建筑工程" of the first batch, not of the second) and its role
  // follows the whole's (其中基本支出 of a budget is a budgeted amount).
  const stated: Stated[] = [];
  const family: Stated[] = [];
  // "一般公共预算财政拨款收入" and "财政拨款收入" are one amount where no other budget's 财政拨款
  // (政府性基金, 国有资本经营) is stated with a figure.
  const otherFunds = groups.some(({ s }) =>
    s.claims.some((c) => c.value > 0 && OTHER_FUND.test(c.clause)),
  );
  // In a project's report "项目预算资金" is that project's: "医疗设备购置项目预算资金" restates it.
  // A function of the figure's key alone: worked out once per key of the document.
  // In a report on several projects, the project of the section the statement stands in.
  const restated = new Map<string, string>();
  let project = titleProject;
  const keyOfStated = (c: Claim): string => {
    const memo = `${project ?? ''}|${c.key}`;
    const hit = restated.get(memo);
    if (hit !== undefined) return hit;
    const key = restatedKey(c);
    const own = project ? ofTheProject(key, project) : key;
    const out = otherFunds ? own : own.replace(GENERAL_FUND, '');
    restated.set(memo, out);
    return out;
  };
  /** Whether a restated name says what it is of, beyond generic words (kinds and points kept). */
  const specific = new Map<string, boolean>();
  const isSpecific = (name: string): boolean => {
    let hit = specific.get(name);
    if (hit === undefined) {
      const own = name.replace(KIND_OF_SPENDING, '类别').replace(POINT_OF_YEAR, '时点');
      hit = own.replace(GENERIC, '').length >= 2;
      specific.set(name, hit);
    }
    return hit;
  };
  // "全年支出8,497.56万元，预算执行率98.33%。基本支出6,902.48万元，其中…": a statement naming no
  // plan or outcome of its own goes on with the one before it in its paragraph, so its role-less
  // amounts are of that role, not of whatever role the name has elsewhere.
  let carried: { block: number; role: Role } | undefined;
  // Under a heading of the unit's own chapters ("二、预算执行情况"), not of one item's
  // ("（一）就业补助资金").
  let ownHeading = true;
  for (const { s, groups: g } of groups) {
    const head = HEADING.exec(s.text);
    // "1.基本支出。" and "四、项目支出绩效自评情况" are of a kind of spending only.
    if (head)
      ownHeading = CHAPTER_WORDS.test(head[1] ?? '') && !KIND_OF_SPENDING.test(head[1] ?? '');
    // A statement of no figure states nothing again.
    if (s.claims.length === 0) continue;
    const roled = s.claims.findLast((c) => c.kind === 'money' && c.role !== '');
    // A statement opening with 其中 itemises the one before it, also where a copy of a PDF broke
    // the paragraph after the sentence's 。.
    const goesOn = carried !== undefined && (carried.block === s.block || /^其中/.test(s.text));
    const inherited = !roled && goesOn ? (carried?.role ?? '') : '';
    carried = roled ? { block: s.block, role: roled.role } : inherited ? carried : undefined;
    const section = sections[s.block];
    project = section?.project ?? titleProject;
    const wholeOf = new Map<Claim, Claim>();
    for (const pw of g) for (const p of pw.parts) wholeOf.set(p, pw.whole);
    // "美丽乡村建设资金中，中央资金5,280.00万元…": the figures of a sentence that opens by naming
    // their whole are of that whole, not the 中央资金 of the whole report.
    // Both read only once a figure of the statement is kept (most figures are not).
    let scope: string | undefined | null = null;
    let years: RegExpExecArray[] | undefined;
    // A figure compared with, or the change against it, is no quantity of its own name.
    const compares = comparisonRoles(s);
    let y = -1;
    for (const c of s.claims) {
      if (c.approximate || c.kind === 'percent' || compares.has(c)) continue;
      const whole = wholeOf.get(c);
      if (c.kind === 'money' && TOTAL_FAMILY.test(c.name) && c.unit === '万元')
        family.push({ claim: c, key: 'total', whole: '', statement: s });
      // Measures of works (平方米, 公里, 亩) recur per batch and site under one name.
      if (c.kind === 'count' && MEASURES.has(c.unit)) continue;
      // "总投资1.06亿元的淤地坝除险加固项目": in a project's report, a figure that qualifies the
      // project by name is the project's quantity of that name.
      const ofProject =
        !c.bare &&
        c.kind === 'money' &&
        project !== undefined &&
        c.key.length >= 2 &&
        keyOf(c.clause) === c.key &&
        s.text.startsWith(`的${project}`, c.end);
      if (!c.bare && !ofProject) continue;
      let name = ofProject ? keyOfStated({ ...c, key: keyOf(`项目${c.key}`) }) : keyOfStated(c);
      // "2. 渔民技术培训项目：年度预算26.80万元": a plan or outcome named by its role alone is of
      // the item the statement's label names.
      if (!isSpecific(name)) {
        const label = ITEM_LABEL.exec(s.text);
        if (label?.[1] && !/[；;。]/.test(s.text.slice(label[0].length, c.at)))
          name = keyOfStated({ ...c, key: keyOf(label[1] + c.key) });
      }
      // "全年支出1,286.45万元" and, in the conclusion, "本大队2023年度全年支出…": the year's whole
      // spending (budget, income) of the unit, named by no more than the unit, is one quantity.
      const yearWhole = !whole && ownHeading ? unitYearWhole(s, c) : undefined;
      if (yearWhole) name = yearWhole;
      else if (!isSpecific(name) || INDICATOR_COLUMN.test(name)) continue;
      const role: Role = c.role || (whole?.role ?? '') || (c.kind === 'money' ? inherited : '');
      // The year the statement speaks of up to the figure: 2022年公用经费 is not 2023年's; a
      // statement that names none speaks of the report's year.
      years ??= [...s.text.matchAll(/((?:19|20)\d{2})年/g)];
      while ((years[y + 1]?.index ?? Infinity) < c.at) y++;
      const at = years[y];
      const year = at && at.index < c.at ? (at[1] ?? '') : reportYear;
      const unit = c.kind === 'count' ? c.unit : '';
      // A goal set for the year is compared with goals only, and gives no role to a figure of
      // its name elsewhere ("完成老旧小区改造12个" as a goal, "全年完成…10个" as done).
      // A fact stated there ("内设机构7个") is no goal: only a figure of work to be done is.
      const goal = section?.goals === true && GOAL_WORK.test(c.clause);
      const key = `${c.kind}|${unit}|${goal ? GOAL : role}|${year}|${name}`;
      if (!whole && scope === null) scope = scopeOf(s);
      const of = whole ? keyOfStated(whole) : scope && scope !== name ? `${scope}中` : '';
      stated.push({ claim: c, key, whole: of, statement: s });
    }
  }
  rolesFromPeers(stated);
  const rounded = new Set<string>();
  return [
    ...compareStated(family, true, rounded),
    ...compareStated(stated, false, rounded),
    ...compareVariants(stated),
  ];
}

/**
 * A quantity stated once with its role (项目支出 a part of 支出合计, an outcome) and elsewhere
 * without one ("项目支出合计1,857.80万元"): the role-less figure is the same quantity when the
 * document states that name in one role only, or when its figure is one of that role's. Where
 * the name is stated both as a plan and as an outcome, a role-less figure that is neither stays
 * apart (it may be either).
 */
function rolesFromPeers(stated: Stated[]): void {
  // A key is kind|unit|role|year|name: read its role and its peers' key (the key without the
  // role) once per figure, in place.
  const parts = stated.map(({ key }) => {
    const unitEnd = key.indexOf('|', key.indexOf('|') + 1);
    const roleEnd = key.indexOf('|', unitEnd + 1);
    const head = key.slice(0, unitEnd + 1);
    const tail = key.slice(roleEnd);
    return { head, tail, role: key.slice(unitEnd + 1, roleEnd), peers: head + tail.slice(1) };
  });
  const byName = new Map<string, Map<string, Set<number>>>();
  stated.forEach((x, i) => {
    const p = parts[i];
    if (!p?.role || p.role === GOAL) return;
    const roles = byName.get(p.peers) ?? new Map<string, Set<number>>();
    roles.set(p.role, (roles.get(p.role) ?? new Set()).add(x.claim.value));
    byName.set(p.peers, roles);
  });
  stated.forEach((x, i) => {
    const p = parts[i];
    if (!p || p.role) return;
    const roles = byName.get(p.peers);
    if (!roles) return;
    const holding = [...roles].filter(([, values]) => values.has(x.claim.value));
    // Planned and spent alike ("预算…项目支出151.95万元。全年实际支出…项目支出151.95万元"): a
    // figure of the name with neither role restates that one figure, whichever role it has.
    const agreed =
      holding.length === 0 &&
      new Set([...roles.values()].flatMap((values) => [...values])).size === 1;
    const pick =
      roles.size === 1
        ? [...roles.keys()][0]
        : holding.length === 1
          ? holding[0]?.[0]
          : agreed
            ? [...roles.keys()][0]
            : undefined;
    if (pick) x.key = p.head + pick + p.tail;
  });
}

/**
 * "城乡居民医疗救助资金支出316.45万元" … "城乡医疗救助资金支出361.45万元": one quantity named a
 * little differently in two places (a word of one or two characters left out) and stated with
 * another figure. Names are bucketed by their ends, so only possible variants are compared.
 */
function compareVariants(list: readonly Stated[]): Finding[] {
  const buckets = new Map<string, Stated[]>();
  for (const x of list) {
    const name = x.key.slice(x.key.lastIndexOf('|') + 1);
    if (name.length < 6) continue;
    const k = `${x.key.slice(0, x.key.lastIndexOf('|'))}|${name.slice(0, 2)}|${name.slice(-2)}`;
    const b = buckets.get(k) ?? [];
    if (b.length < 50) b.push(x);
    buckets.set(k, b);
  }
  const out: Finding[] = [];
  for (const bucket of buckets.values()) {
    const names = new Map<string, Stated>();
    for (const x of bucket) if (!names.has(x.key)) names.set(x.key, x);
    const firsts = [...names.values()];
    for (let i = 0; i < firsts.length; i++)
      for (let j = i + 1; j < firsts.length; j++) {
        const a = firsts[i];
        const b = firsts[j];
        if (!a || !b || a.statement === b.statement || a.claim.value === b.claim.value) continue;
        // Parts of two different wholes are two things of one name.
        if (a.whole !== '' && b.whole !== '' && a.whole !== b.whole) continue;
        if (!insertedWord(nameOf(a), nameOf(b))) continue;
        out.push(
          finding(
            'DOC_CLAIM_RESTATED',
            'warning',
            b.statement.line,
            excerptOf(b.statement.raw, b.claim.number),
            {
              name: b.claim.name,
              expected: plainFigure(a.claim),
              stated: plainFigure(b.claim),
              lineA: a.statement.line,
              lineB: b.statement.line,
            },
          ),
        );
      }
  }
  return out;
}

const nameOf = (x: Stated): string => x.key.slice(x.key.lastIndexOf('|') + 1);

/** One name is the other with a word of one or two characters added that names no other thing. */
function insertedWord(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const extra = long.length - short.length;
  if (extra < 1 || extra > 2) return false;
  let p = 0;
  while (p < short.length && short[p] === long[p]) p++;
  if (short.slice(p) !== long.slice(p + extra)) return false;
  return (
    !DISTINCT_PART.test(long.slice(p, p + extra)) && !/[和及与、]/.test(long.slice(p, p + extra))
  );
}

/**
 * Buckets of one quantity: claims of one key, split by their wholes when parts of different
 * wholes are among them (a figure stated on its own then joins none of them).
 */
function bucketsOf(list: readonly Stated[]): Stated[][] {
  const byKey = new Map<string, Stated[]>();
  for (const x of list) {
    const bucket = byKey.get(x.key) ?? [];
    bucket.push(x);
    byKey.set(x.key, bucket);
  }
  const out: Stated[][] = [];
  for (const bucket of byKey.values()) {
    const wholes = new Set(bucket.map((x) => x.whole).filter((w) => w !== ''));
    if (wholes.size < 2) {
      out.push(bucket);
      continue;
    }
    for (const w of wholes) out.push(bucket.filter((x) => x.whole === w));
  }
  return out;
}

/**
 * A rate of a statement that its figure `c` (or `c`'s value in the place of `at`) and another
 * figure of it compute, either way round, and `instead` in that place does not.
 */
function rateConfirming(s: Statement, c: Claim, instead: Claim, at: Claim = c): Claim | undefined {
  if (!s.claims.includes(at)) return undefined;
  for (const p of s.claims) {
    if (p.kind !== 'percent' || p.approximate) continue;
    const stated = percentOf(p);
    if (!stated) continue;
    for (const o of s.claims) {
      if (o === at || o.approximate || !sameKind(o, c) || o.unit !== c.unit) continue;
      const fits = (f: Claim) => ratioFits(stated, o, f, 0) || ratioFits(stated, f, o, 0);
      if (fits(c) && !fits(instead)) return p;
    }
  }
  return undefined;
}

/** The rate a restatement explains, for the rate's own finding to be left out. */
const rateFitsOf = (rate: Claim | undefined): Params => (rate ? { rateFits: rate.text } : {});

function compareStated(
  list: readonly Stated[],
  roundingOnly: boolean,
  rounded: Set<string>,
): Finding[] {
  const out: Finding[] = [];
  for (const bucket of bucketsOf(list)) {
    const values = new Map<number, Stated[]>();
    for (const x of bucket) {
      const same = values.get(x.claim.value);
      if (same) same.push(x);
      else values.set(x.claim.value, [x]);
    }
    if (values.size < 2) continue;
    // The figure written most often (the first one on a tie) stands; the others are reported.
    const ranked = [...values.values()].sort((a, b) => b.length - a.length);
    // A name stated with three figures or more, none of them in most of its statements, is a
    // measure that recurs item by item (each section's 经费, each project's 培训人次), not one
    // quantity restated.
    if (values.size >= 3 && (ranked[0]?.length ?? 0) * 2 <= bucket.length) continue;
    const [major, ...minors] = ranked;
    const ref = major?.[0];
    if (!ref) continue;
    for (const minor of minors) {
      // Two figures of one name in one sentence are two things whose names were shortened
      // ("基本支出预算A，执行B；项目支出预算C，执行D"), not one thing stated twice.
      const x = minor.find((m) => !major.some((r) => r.statement === m.statement));
      if (!x) continue;
      const a = ref.claim;
      const b = x.claim;
      // The rate of the slip's own sentence computed from the right figure: the slip, once (the
      // rate is not wrong as well).
      const fitting = rateConfirming(x.statement, a, b, b);
      const diff = Math.abs(a.value - b.value);
      const params: Params = {
        name: b.name,
        expected: plainFigure(a),
        stated: plainFigure(b),
        lineA: ref.statement.line,
        lineB: x.statement.line,
        ...rateFitsOf(fitting),
      };
      const excerpt = excerptOf(x.statement.raw, b.number);
      const bothWan = a.kind === 'money' && a.unit === '万元' && b.unit === '万元';
      if (bothWan && diff <= 50_000) {
        // One finding per pair of figures, whichever road reached it first.
        const pair = `${Math.min(a.value, b.value)}|${Math.max(a.value, b.value)}`;
        if (rounded.has(pair)) continue;
        rounded.add(pair);
        out.push(
          finding('DOC_CLAIM_ROUNDING', 'info', x.statement.line, excerpt, {
            stated: b.number,
            expected: a.number,
            diff: formatFen(fen(diff), '万元', 2),
          }),
        );
      } else if (roundingOnly) continue;
      else if (a.kind === 'money' && (a.value === b.value * 10_000 || b.value === a.value * 10_000))
        out.push(finding('DOC_CLAIM_UNIT_SLIP', 'warning', x.statement.line, excerpt, params));
      else out.push(finding('DOC_CLAIM_RESTATED', 'warning', x.statement.line, excerpt, params));
    }
  }
  return out;
}

/**
 * The rows of the 基础数据表 a sentence may restate, with the names prose gives them (vocabulary:
 * a row is added here, not in code).
 */
const BASE_DATA_NAMES: readonly [
  'threePublic' | 'publicFunds' | 'office' | 'reception' | 'vehicleOperation' | 'procurement',
  RegExp,
][] = [
  ['threePublic', /^三公经费(?:支出)?$/],
  ['publicFunds', /^(?:日常)?公用经费(?:支出)?$/],
  ['office', /^办公(?:经)?费(?:支出)?$/],
  ['reception', /^公务接待费(?:支出)?$/],
  ['vehicleOperation', /^公务?(?:用)?车(?:辆)?运行维护费(?:支出)?$/],
  ['procurement', /^政府采购(?:金额|支出|总额)$/],
];

/**
 * "公用经费288.65万元" in the text against the 基础数据表's 公用经费 row (上年决算 | 本年预算 |
 * 本年决算): a figure of the report's year that is none of the row's figures is a warning.
 */
function checkBaseDataClaims(report: ExtractedReport, statements: readonly Statement[]): Finding[] {
  const base = report.baseData?.data;
  if (!base) return [];
  const rows = BASE_DATA_NAMES.flatMap(([key, name]) => {
    const row: CostRow | undefined = base[key];
    return row ? [{ row, name }] : [];
  });
  if (rows.length === 0) return [];
  const year = report.found.year ? String(report.evaluation.meta.year) : '';
  const out: Finding[] = [];
  for (const s of statements) {
    for (const c of s.claims) {
      if (c.kind !== 'money' || c.approximate || c.depth > 0 || c.name === '') continue;
      const key = restatedKey(c);
      const hit = rows.find((r) => r.name.test(key));
      if (!hit) continue;
      // Another year named before the figure (上年, 2022年): not this year's row.
      const lead = s.text.slice(0, c.at);
      const years = [...lead.matchAll(/((?:19|20)\d{2})年/g)].map((m) => m[1]);
      if (/上年|去年|同比|较|比/.test(c.clause) || years.some((y) => y !== year)) continue;
      const figures = [hit.row.previousActual, hit.row.budget, hit.row.actual].filter(
        (a): a is Amount => a !== undefined,
      );
      const actual = hit.row.actual;
      if (!actual || figures.some((a) => Math.abs(a.fen - c.value) <= 2 * c.step + 10_000))
        continue;
      out.push(
        finding('DOC_CLAIM_RESTATED', 'warning', s.line, excerptOf(s.raw, c.number), {
          name: c.name,
          expected: `${formatFen(fen(actual.fen), '万元')}万元`,
          stated: plainFigure(c),
          lineA: hit.row.source?.line ?? '',
          lineB: s.line,
        }),
      );
    }
  }
  return out;
}

/** A difference that makes two names different things: a number, a level, a period, a place. */
const DISTINCT_PART =
  /[\d〇零一二两三四五六七八九十百千第批期年季度月上下半省市县区乡镇村级央本前后]/;

/**
 * A long quoted name written once with a few characters changed (科技创新战略专项资金——X vs
 * 科技发展战略专项资金——X): the names share a long prefix and suffix and differ in a short middle
 * that is not a number, a level or a period. Names are bucketed by their ends, so only names
 * that could be variants of each other are compared.
 */
function checkNameVariants(names: readonly QuotedName[]): Finding[] {
  const seen = new Map<string, QuotedName[]>();
  for (const n of names) {
    const same = seen.get(n.name);
    if (same) same.push(n);
    else seen.set(n.name, [n]);
  }
  const buckets = new Map<string, string[]>();
  for (const name of seen.keys()) {
    for (const k of [`<${name.slice(0, 3)}`, `>${name.slice(-3)}`]) {
      const b = buckets.get(k) ?? [];
      if (b.length < 50) b.push(name);
      buckets.set(k, b);
    }
  }
  const out: Finding[] = [];
  const done = new Set<string>();
  for (const bucket of buckets.values()) {
    for (let i = 0; i < bucket.length; i++) {
      for (let j = i + 1; j < bucket.length; j++) {
        const a = bucket[i] ?? '';
        const b = bucket[j] ?? '';
        const pair = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
        if (done.has(pair) || !variants(a, b)) continue;
        done.add(pair);
        const na = seen.get(a) ?? [];
        const nb = seen.get(b) ?? [];
        const [major, minor] = oddOneOut(na, nb, (n) => n.line);
        const odd = minor[0];
        const ref = major[0];
        if (!odd || !ref) continue;
        out.push(
          finding('DOC_CLAIM_NAME_VARIANT', 'warning', odd.line, excerptOf(odd.raw, odd.name), {
            stated: odd.name,
            expected: ref.name,
            lineA: ref.line,
          }),
        );
      }
    }
  }
  return out;
}

function variants(a: string, b: string): boolean {
  const long = Math.max(a.length, b.length);
  if (Math.min(a.length, b.length) < 10 || Math.abs(a.length - b.length) > 2) return false;
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let q = 0;
  while (q < a.length - p && q < b.length - p && a[a.length - 1 - q] === b[b.length - 1 - q]) q++;
  const ma = a.slice(p, a.length - q);
  const mb = b.slice(p, b.length - q);
  if (ma.length > 4 || mb.length > 4 || ma === mb) return false;
  if (p + q < 0.75 * long) return false;
  return !DISTINCT_PART.test(ma) && !DISTINCT_PART.test(mb);
}

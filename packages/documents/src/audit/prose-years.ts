import { staleYearClauses } from '@jixiao/domain';
import type { Finding, IndicatorNode } from '@jixiao/domain';
import type { ExtractedReport } from '../extract/extract-evaluation.ts';
import type { Statement } from '../extract/claims.ts';
import { excerptOf, squash } from '../extract/text.ts';
import { commonRun } from './figure-match.ts';
import { str } from './message-params.ts';
import type { Params } from './message-params.ts';

/** Codes of the checks on the years the prose states. */
export type ProseYearCode =
  | 'DOC_YEAR_CLAUSE'
  | 'DOC_YEAR_REPORT_DATE'
  | 'DOC_YEAR_SUBJECT'
  | 'DOC_YEAR_AS_OF'
  | 'DOC_YEAR_STOCK'
  | 'DOC_YEAR_ATTACHMENT'
  | 'DOC_YEAR_PERIOD'
  | 'DOC_YEAR_HEADING'
  | 'DOC_YEAR_DONE_AFTER_DATE'
  | 'DOC_YEAR_DONE_BEFORE'
  | 'DOC_YEAR_OWN'
  | 'DOC_YEAR_ACTUAL'
  | 'DOC_DATE_INVALID'
  | 'DOC_DATE_ORDER';

/** Chinese messages of the year checks of the prose. */
export function proseYearMessage(code: ProseYearCode, p: Params): string {
  switch (code) {
    case 'DOC_YEAR_CLAUSE':
      return `${str(p, 'reportYear')}年度的报告以“${str(p, 'stated')}”起句陈述工作完成情况，年份与评价年度不符：${str(p, 'sentence')}`;
    case 'DOC_YEAR_SUBJECT':
      return `报告评价的是${str(p, 'reportYear')}年度，正文却称开展${str(p, 'stated')}度绩效自评，${p['later'] === true ? '疑为年份笔误' : '疑为沿用往年文字'}：${str(p, 'sentence')}`;
    case 'DOC_YEAR_DONE_AFTER_DATE':
      if (p['asOf'] === true)
        return p['unsigned'] === true
          ? `${str(p, 'reportYear')}年度的自评报告应于${str(p, 'signed')}前完成公开，正文却以“截至${str(p, 'stated')}”陈述情况，疑为年份笔误：${str(p, 'sentence')}`
          : `报告填报日期为${str(p, 'signed')}，正文却以“截至${str(p, 'stated')}”陈述情况，晚于填报日期，疑为年份笔误：${str(p, 'sentence')}`;
      return p['unsigned'] === true
        ? `${str(p, 'reportYear')}年度的自评报告应于${str(p, 'signed')}前完成公开，正文却称工作${p['bare'] === true ? '在' : '已于'}${str(p, 'stated')}完成，疑为年份笔误：${str(p, 'sentence')}`
        : `报告填报日期为${str(p, 'signed')}，正文却称工作${p['bare'] === true ? '在' : '已于'}${str(p, 'stated')}完成，晚于填报日期，疑为年份笔误：${str(p, 'sentence')}`;
    case 'DOC_DATE_INVALID':
      return `日期“${str(p, 'stated')}”不存在（${str(p, 'why')}），疑为笔误：${str(p, 'sentence')}`;
    case 'DOC_DATE_ORDER':
      return `正文称于${str(p, 'start')}开工（开始实施），却于${str(p, 'stated')}完工（验收），完成早于开始，疑为年份笔误：${str(p, 'sentence')}`;
    case 'DOC_YEAR_OWN':
      return `${str(p, 'reportYear')}年度的报告称本年度为“${str(p, 'stated')}”，与评价年度不符，疑为年份笔误或沿用往年文字：${str(p, 'sentence')}`;
    case 'DOC_YEAR_DONE_BEFORE':
      return `${str(p, 'reportYear')}年度的报告称本年工作已于${str(p, 'stated')}完成，日期早于评价年度，疑为年份笔误或沿用上年文字：${str(p, 'sentence')}`;
    case 'DOC_YEAR_ACTUAL':
      return `${str(p, 'reportYear')}年度的报告以“${str(p, 'stated')}”陈述的${str(p, 'figure')}，正是自评表中“${str(p, 'name')}”本年度的实际完成值，年份疑为笔误或沿用上年文字：${str(p, 'sentence')}`;
    case 'DOC_YEAR_AS_OF':
      return `${str(p, 'reportYear')}年度的报告以“截至${str(p, 'stated')}”陈述本年工作完成情况，日期早于评价年度，疑为沿用上年文字：${str(p, 'sentence')}`;
    case 'DOC_YEAR_STOCK':
      return `${str(p, 'reportYear')}年度的报告以“${str(p, 'stated')}”的${str(p, 'what')}情况陈述本年基本情况，日期早于评价年度，疑为沿用上年文字或年份笔误：${str(p, 'sentence')}`;
    case 'DOC_YEAR_PERIOD':
      return `${str(p, 'reportYear')}年度的报告写明${p['evaluation'] === true ? '自评时段' : '实施期'}为“${str(p, 'stated')}”，在评价年度开始前已结束，疑为沿用上年文字或年份笔误：${str(p, 'sentence')}`;
    case 'DOC_YEAR_HEADING':
      return `${str(p, 'reportYear')}年度的报告中，标题“${str(p, 'heading')}”写作${str(p, 'stated')}，其下陈述的却是${str(p, 'reportYear')}年的情况，${p['later'] === true ? '疑为年份笔误' : '疑为沿用上年标题或年份笔误'}`;
    case 'DOC_YEAR_ATTACHMENT':
      return `报告评价的是${str(p, 'reportYear')}年度，所附“${str(p, 'title')}”却是${str(p, 'stated')}度的，疑为沿用往年附件或年份笔误`;
    case 'DOC_YEAR_REPORT_DATE':
      return p['within'] === true
        ? `填报日期${str(p, 'stated')}在评价年度${str(p, 'reportYear')}年结束之前，年度自评不应早于年度结束，疑为年份笔误`
        : `填报日期${str(p, 'stated')}早于评价年度${str(p, 'reportYear')}年，疑为年份笔误`;
  }
}

function finding(
  code: ProseYearCode,
  line: number,
  excerpt: string,
  params: Params & { stated: string; expected: string },
): Finding {
  return {
    code,
    category: 'year',
    severity: 'warning',
    message: proseYearMessage(code, params),
    path: 'chapters',
    params,
    line,
    excerpt,
    stated: params.stated,
    expected: params.expected,
  };
}

/**
 * "现将2022年度部门整体支出绩效自评情况报告如下", "现将2022年度自评情况报告如下": the year whose
 * evaluation the text says it is.
 */
const SUBJECT =
  /(?:现将|开展了?|组织开展了?|完成了?|对)[^。，,；;\d《]{0,8}?((?:19|20)\d{2})年度?[^。，,；;]{0,24}?(?:绩效自评|绩效评价|自评工作|自评情况|自评结果)/;

/**
 * "综上，2022年度我局部门整体支出绩效自评得分92.6分", "经自评，我校2022年度…自评得分为92分": a
 * clause opening with a year (after the unit naming itself) that gives the result of that year's
 * evaluation (a conclusion), group 1 the year.
 */
const RESULT =
  /(?:^|[。；;]|(?:^|[。；;])(?:综上|综上所述|综合来看|总体来看|经综合评价|经评价|经自评)[，,]?)(?:[我本](?:校|院|局|委|办|站|所|馆|中心|单位|部门))?((?:19|20)\d{2})年度?[^。，,；;\d]{0,16}?(?:绩效自评|绩效评价|自评)(?:得分|总分|结果|结论|等级)/;

/**
 * "2020年度我厅开展了部门整体支出绩效自评": a sentence opening with the year of (年度) the
 * evaluation it says the unit carried out, group 1 the year. No other figure may stand between
 * (a round held in 2021 evaluates 2020: "2021年，我局开展了2020年度…自评" is no slip).
 */
const SUBJECT_FIRST =
  /(?:^|[。；;，,])((?:19|20)\d{2})年度[，,]?(?:[我本](?:厅|局|委|办|院|校|馆|站|所|中心|单位|部门)|全(?:市|县|区|省|旗))?(?:共|全面|认真|统一)?(?:开展|组织开展|完成|启动)了?[^。；;\d《]{0,24}?(?:绩效自评|绩效评价|自评工作)/;

const DATE_LINE =
  /(?:填报|报告|编制|报送|填表)(?:日期|时间)[：:]?((?:19|20)\d{2})年(\d{1,2})月(?:\d{1,2}日)?/;
/** The characters DATE_LINE's labels start with. */
const LABEL_START = /[填报编]/;
/** The most characters DATE_LINE holds up to its 月 (label, 日期, colon, year, month). */
const DATE_LINE_HEAD = 13;

/**
 * year, in the prose of a report whose year is known: a sentence dated by a clause of its own in
 * an earlier year ("2021年，我馆完成…" in a 2023 report), and a 填报日期 before the end of the year
 * evaluated. Comparisons, history and earlier money are legitimate (staleYearClauses).
 */
export function checkProseYears(
  report: ExtractedReport,
  statements: readonly Statement[],
): Finding[] {
  const dates = [...invalidDates(statements), ...doneBeforeStart(statements)];
  if (!report.found.year) return dates;
  const year = report.evaluation.meta.year;
  const out: Finding[] = [...dates];
  for (const s of statements) {
    if (!s.text.includes('年')) continue;
    // Document titles (《关于开展2022年…绩效自评工作的通知》) name the round, not the year. Both
    // patterns end on a word with 评 in it: a sentence without one is not tried.
    const unquoted = s.text.includes('评') ? s.text.replace(/《[^》]*》/g, '') : '';
    const subject =
      unquoted === ''
        ? null
        : (SUBJECT.exec(unquoted) ??
          SUBJECT_FIRST.exec(unquoted) ??
          (/比|较|相比|同比/.test(unquoted) ? null : RESULT.exec(unquoted)));
    const said = Number(subject?.[1]);
    // An earlier year: last year's text kept (the round of work may carry the next year's). A
    // later one said as done ("对2025年度部门整体支出开展了绩效自评" in a 2024 report), not as
    // work to come, is a year written wrong.
    const earlier = said < year && !/上年|上一年|以前|往年|整改|问题/.test(s.text);
    const later = said > year && !TO_COME.test(s.text.replace(/现将/g, ''));
    if (subject && (earlier || later)) {
      const sentence = excerptOf(s.raw, String(said));
      out.push(
        finding('DOC_YEAR_SUBJECT', s.line, sentence, {
          stated: `${said}年`,
          expected: `${year}年`,
          reportYear: year,
          sentence,
          ...(later ? { later: true } : {}),
        }),
      );
    }
    for (const stated of staleYearClauses(s.text, year)) {
      const sentence = excerptOf(s.raw, String(stated));
      out.push(
        finding('DOC_YEAR_CLAUSE', s.line, sentence, {
          stated: `${stated}年`,
          expected: `${year}年`,
          reportYear: year,
          sentence,
        }),
      );
    }
  }
  out.push(
    ...doneAfterSigning(report, statements, year),
    ...asOfEarlierYear(statements, year),
    ...stockOfEarlierYear(statements, year),
    ...periodBeforeYear(statements, year),
    ...doneBeforeYear(statements, year),
    ...actualsOfEarlierYear(report, statements, year),
    ...doneBeforeStartInYear(statements, year),
    ...headingsOfAnotherYear(report, year),
    ...ownYearNamed(statements, year),
  );
  // A title that names a whole year's evaluation, not a half year's, a quarter's or a period's.
  const title = squash(report.evaluation.meta.title ?? '');
  const blocks = report.document.blocks;
  // The year may stand on a line of its own under the title ("部门整体支出绩效评价自评报告" |
  // "(2023年度)"), or in brackets opening the line after it or after it on its line, where the
  // lines were joined.
  const yearLine = blocks
    .slice(0, 8)
    .some(
      (b) =>
        b.kind !== 'table' &&
        (/^[（(]?\d{4}年度[)）]?$|^[（(]\d{4}年度[)）]/.test(squash(b.text)) ||
          (title !== '' && squash(b.text).includes(`${title}(${year}年度)`)) ||
          (title !== '' && squash(b.text).includes(`${title}（${year}年度）`))),
    );
  // "株洲市2024年…绩效自评报告" names a year's self-evaluation as well as "2024年度" does; a
  // 监控 (monitoring) report of a year may be written before it ends.
  const wholeYear =
    (/年度/.test(title) ||
      yearLine ||
      (/(?:19|20)\d{2}年/.test(title) && YEAR_EVALUATION.test(title))) &&
    !PART_OF_YEAR.test(title);
  for (const [k, b] of blocks.entries()) {
    if (b.kind === 'table') continue;
    const attached = ATTACHMENT_TITLE.exec(squash(b.text));
    if (attached?.[1] && Number(attached[1]) < year) {
      const title = attached[0].replace(/^附[件表]\d*[：:]?/, '');
      out.push(
        finding('DOC_YEAR_ATTACHMENT', b.line, b.text.trim(), {
          stated: `${attached[1]}年`,
          expected: `${year}年`,
          reportYear: year,
          title,
        }),
      );
    }
    // A date line a PDF wrapped anywhere in it, after its label ("填报日期：" | "2024年3月15日")
    // or inside it ("填报日" | "期：2024年3月15日"), is read whole: a date that runs over the end.
    const next = blocks[k + 1];
    const own = squash(b.text);
    let m = DATE_LINE.exec(own);
    let text = b.text;
    // A date line that runs over the end starts in the line's last characters: up to its 月 it
    // holds at most DATE_LINE_HEAD, so one starting earlier would have matched the line alone.
    if (!m && next && next.kind !== 'table' && LABEL_START.test(own.slice(-DATE_LINE_HEAD))) {
      const joined = DATE_LINE.exec(own + squash(next.text));
      if (joined && joined.index < own.length && joined.index + joined[0].length > own.length) {
        m = joined;
        text = b.text + next.text;
      }
    }
    // A date in the year itself may be a mid-year report's or a project's finished early (in
    // the year's last quarter); before October, a whole year's evaluation cannot be signed.
    const within = Number(m?.[1]) === year && Number(m?.[2]) < 10 && wholeYear;
    if (!m || (Number(m[1]) >= year && !within)) continue;
    const stated = m[0].replace(/^[^\d]+/, '');
    out.push(
      finding('DOC_YEAR_REPORT_DATE', b.line, text.trim(), {
        stated,
        expected: `${year + 1}年`,
        reportYear: year,
        ...(within ? { within: true } : {}),
      }),
    );
  }
  // Work said done before it began, in a year before the one evaluated: one slip, said once, as
  // the year's (the order of the two dates says the same).
  return out.filter(
    (f) =>
      f.code !== 'DOC_DATE_ORDER' ||
      !out.some((g) => g.code === 'DOC_YEAR_DONE_BEFORE' && g.line === f.line),
  );
}

/**
 * The year evaluated named with its number beside it: "本年度（2022年）", "今年（2022年）",
 * "2022年（本年度）"; group 1 or 2 the year.
 */
const OWN_YEAR_NAMED =
  /(?:本年度|本年|今年)[（(]((?:19|20)\d{2})年度?[）)]|((?:19|20)\d{2})年度?[（(](?:即)?(?:本年度|本年|今年)[）)]/g;

/**
 * "本年度（2022年）共完成…" in a 2023 report: the text names the year evaluated by another
 * number, last year's text kept or a year written wrong.
 */
function ownYearNamed(statements: readonly Statement[], year: number): Finding[] {
  const out: Finding[] = [];
  for (const s of statements) {
    if (!/[（(]/.test(s.text) || !/本年|今年/.test(s.text)) continue;
    for (const m of s.text.matchAll(OWN_YEAR_NAMED)) {
      const said = m[1] ?? m[2] ?? '';
      if (Number(said) === year) continue;
      const sentence = excerptOf(s.raw, said);
      out.push(
        finding('DOC_YEAR_OWN', s.line, sentence, {
          stated: `${said}年`,
          expected: `${year}年`,
          reportYear: year,
          sentence,
        }),
      );
    }
  }
  return out;
}

/** Words of work still to come: a later year named with them is a plan, not a slip. */
const TO_COME = /将|下一步|计划|拟|明年|今后|预计|准备|安排|力争/;

/**
 * "已于2025年12月底前全部完成", "于2025年6月建成", a subsidy's "于2025年12月20日前全部发放到户" (到
 * 学生账户, 到社保卡): a date by which the work is said done.
 */
const DONE_BY =
  /(?:已于|已在|于)((?:19|20)\d{2})年(\d{1,2})月(?:(\d{1,2})日)?(?:底|末)?(?:前|之前|以前)?[^。；;，,]{0,16}?(?:完成|建成|竣工|完工|投入使用|投用|交付|验收|(?:发放|兑付)到(?:户|人|位|[^。；;，,\d]{0,6}?(?:账户|银行卡|社保卡)))/g;

/** "截至2025年12月31日", "截止到2025年12月": the date figures are stated as of. */
const AS_OF_DATE = /(?:截至|截止到?)((?:19|20)\d{2})年(\d{1,2})月(?:(\d{1,2})日)?/g;

/** Where the clause before the one starting at a position begins (0 at the sentence's start). */
function clauseBefore(text: string, at: number): number {
  const boundary = /[，,：:。；;]/;
  let k = at - 1;
  for (let seen = 0; k >= 0; k--) if (boundary.test(text[k] ?? '') && ++seen === 2) break;
  return k + 1;
}

/** A date as a number that orders dates: 20250320; a month alone is its last day. */
const dateKey = (y: number, m: number, d?: number): number => y * 10_000 + m * 100 + (d ?? 31);

/** The date a match holds: group 1 the year, 2 the month, 3 the day if written. */
const matchedDate = (m: RegExpMatchArray): number =>
  dateKey(Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3]));

/** Where the part of a sentence a position stands in begins: at its last 。 or ； before it. */
const partStartBefore = (text: string, at: number | undefined): number =>
  Math.max(...['；', ';', '。'].map((p) => text.lastIndexOf(p, at)));

/**
 * Work said done by a date after the report was signed ("已于2025年12月底前全部完成安装调试" in a
 * report whose 填报日期 is 2025年3月20日): what had not happened yet cannot be reported done, so
 * the year is written wrong (a warning: the signing date may itself be the slip).
 */
function doneAfterSigning(
  report: ExtractedReport,
  statements: readonly Statement[],
  year: number,
): Finding[] {
  let signed: { key: number; text: string; unsigned?: true } | undefined;
  const blocks = report.document.blocks;
  for (const [k, b] of blocks.entries()) {
    if (b.kind === 'table') continue;
    // A date a PDF wrapped at the page's edge ("填报日期：2025" | "年3月20日") is read whole.
    const next = blocks[k + 1];
    const wrapped =
      /[\d年月]$/.test(b.text.trim()) &&
      next?.kind === 'paragraph' &&
      /^\d*[年月日]/.test(next.text.trim());
    const m = SIGNED.exec(squash(wrapped ? b.text.trim() + next.text.trim() : b.text));
    if (!m) continue;
    const key = dateKey(Number(m[1]), Number(m[2]), Number(m[3]));
    if (!signed || key > signed.key) signed = { key, text: m[0].replace(/^[^\d]+/, '') };
  }
  // Unsigned, a report is still published by the end of June after its year (the finance
  // bureaus' deadline), so work said done after that had not happened when it was written.
  signed ??= { key: dateKey(year + 1, 6, 30), text: `${year + 1}年6月底`, unsigned: true };
  const out: Finding[] = [];
  for (const s of statements) {
    // "截至2025年12月31日，项目实际支出…" in a report signed in April 2025: figures as of a date
    // still to come. (Signed within the year evaluated, the signing date is the slip: a finding
    // of its own.)
    const asOf = signed.key > dateKey(year, 12, 31) && /截[至止]/.test(s.text);
    for (const m of asOf ? s.text.matchAll(AS_OF_DATE) : []) {
      const key = matchedDate(m);
      const partStart = partStartBefore(s.text, m.index);
      if (key <= signed.key || TO_COME.test(s.text.slice(partStart + 1, m.index))) continue;
      const sentence = excerptOf(s.raw, m[1] ?? '');
      out.push(
        finding('DOC_YEAR_DONE_AFTER_DATE', s.line, sentence, {
          stated: m[0].replace(/^(?:截至|截止到?)/, ''),
          expected: `${signed.text}之前`,
          signed: signed.text,
          sentence,
          asOf: true,
          ...(signed.unsigned ? { unsigned: true, reportYear: year } : {}),
        }),
      );
    }
    // Both patterns below need a month.
    if (!s.text.includes('月')) continue;
    out.push(...doneBareAfter(s, signed, year));
    if (!s.text.includes('于')) continue;
    for (const m of s.text.matchAll(DONE_BY)) {
      const key = matchedDate(m);
      // Words of a plan in the part of the sentence the date stands in make it one.
      const partStart = partStartBefore(s.text, m.index);
      if (key <= signed.key || TO_COME.test(s.text.slice(partStart + 1, m.index))) continue;
      const sentence = excerptOf(s.raw, m[1] ?? '');
      const stated =
        /^[^\d]*((?:19|20)\d{2}年[^完建竣投交验]*?)(?:全部|均|已|基本)*(?:完成|建成|竣工|投入使用|投用|交付|验收)/.exec(
          m[0],
        )?.[1];
      out.push(
        finding('DOC_YEAR_DONE_AFTER_DATE', s.line, sentence, {
          stated: stated ?? `${m[1]}年${m[2]}月`,
          expected: `${signed.text}之前`,
          signed: signed.text,
          sentence,
          ...(signed.unsigned ? { unsigned: true, reportYear: year } : {}),
        }),
      );
    }
  }
  return out;
}

/**
 * "2024年12月竣工验收", "2024年11月建成投用": a date a verb of completion follows with neither 于
 * nor 已 before it (those are DONE_BY's), group 1 the year, 2 the month, 3 the day. Not a deadline
 * ("2024年12月底前完成"): a 前 makes it one.
 */
const DONE_BARE =
  /(?<![\d于在])((?:19|20)\d{2})年(\d{1,2})月(?:(\d{1,2})日)?(?:(?:底|末|中旬|下旬|上旬)(?!前|之前|以前))?(?:全部|均|已|顺利|正式)*(?:完成|建成|竣工|完工|投入使用|投用|交付使用|通过验收|通过竣工验收)/g;
/** Words before a bare date that make it a deadline or a plan, not an outcome. */
const DEADLINE = /要求|须|需|应|确保|争取|目标|期限|工期|截止|节点|时限|前|进度/;

/**
 * Work said done at a date after the report was signed, the date written bare ("新馆2024年12月
 * 竣工验收" in a report on 2023 signed in March 2024): what had not happened cannot be reported
 * done. A month alone counts from its first day, so the month the report was signed in is never
 * later; words of a plan or a deadline in the part of the sentence before the date make it one.
 */
function doneBareAfter(
  s: Statement,
  signed: { key: number; text: string; unsigned?: true },
  year: number,
): Finding[] {
  const out: Finding[] = [];
  for (const m of s.text.matchAll(DONE_BARE)) {
    const key = dateKey(Number(m[1]), Number(m[2]), m[3] === undefined ? 1 : Number(m[3]));
    const partStart = partStartBefore(s.text, m.index);
    const before = s.text.slice(partStart + 1, m.index);
    if (key <= signed.key || TO_COME.test(before) || DEADLINE.test(before)) continue;
    const sentence = excerptOf(s.raw, m[1] ?? '');
    out.push(
      finding('DOC_YEAR_DONE_AFTER_DATE', s.line, sentence, {
        stated: m[0].replace(
          /(?:全部|均|已|顺利|正式)*(?:完成|建成|竣工|完工|投入使用|投用|交付使用|通过验收|通过竣工验收)$/,
          '',
        ),
        expected: `${signed.text}之前`,
        signed: signed.text,
        sentence,
        bare: true,
        ...(signed.unsigned ? { unsigned: true, reportYear: year } : {}),
      }),
    );
  }
  return out;
}

/** A date as written in prose: year, month and, when written, day. */
const WRITTEN_DATE = /(?<!\d)((?:19|20)\d{2})年(\d{1,2})月(?:(\d{1,2})日)?/g;

/** Days of a month of the Gregorian calendar (February 29 in leap years). */
function daysIn(y: number, month: number): number {
  if (month === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Dates that no calendar has ("2023年13月", "2023年2月29日", "4月31日"): a month or a day
 * written wrong. An error where the date stands as written in the text; a warning where the
 * reading joined it from pieces (a PDF's wrapped line may glue digits).
 */
function invalidDates(statements: readonly Statement[]): Finding[] {
  const out: Finding[] = [];
  for (const s of statements) {
    if (!s.text.includes('月')) continue;
    for (const m of s.text.matchAll(WRITTEN_DATE)) {
      const y = Number(m[1]);
      const month = Number(m[2]);
      const day = m[3] === undefined ? undefined : Number(m[3]);
      const days = daysIn(y, month);
      const why =
        month < 1 || month > 12
          ? '一年只有12个月'
          : day !== undefined && (day < 1 || day > days)
            ? `${y}年${month}月只有${days}天`
            : undefined;
      if (!why) continue;
      const sentence = excerptOf(s.raw, m[0]);
      const params = { stated: m[0], expected: '有效日期', why, sentence };
      out.push({
        ...finding('DOC_DATE_INVALID', s.line, sentence, params),
        severity: s.raw.includes(m[0]) ? 'error' : 'warning',
      });
    }
  }
  return out;
}

/** A signing date with its day: "填报日期：2025年3月20日". */
const SIGNED =
  /(?:填报|报告|编制|报送|填表)(?:日期|时间)[：:]?((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日/;

/** Titles of a part of a year: 半年, 中期, 季度, 1-6月. */
const PART_OF_YEAR = /半年|中期|季度|月份|\d{1,2}[-—~至]\d{1,2}月/;
/** A title naming an evaluation of the year done (自评, 绩效评价), not its monitoring. */
const YEAR_EVALUATION = /^(?!.*监控).*(?:自评|绩效评价|评价报告)/;

/**
 * "附件：2022年度…项目支出绩效自评表" (or 附表): an attachment line naming the year of its table or report
 * (not a plan's: a 绩效目标表 may be of the year after).
 */
const ATTACHMENT_TITLE =
  /^附[件表]\d*[：:]?((?:19|20)\d{2})年度?[^。；;，,]{2,40}?(?:绩效自评表|绩效评价表|自评报告|自评表|基础数据表)$/;

/** After a year: its own budget ("2023年我办年度部门预算资金…", "2023年度预算…"). */
const BUDGET_OF_YEAR = /^度?[^，,。；;\d]{0,12}?预算(?:资金|数|总额)?\d/;
/** Money spent, paid out or executed. */
const SPENT = /^[^，,。；;]{0,8}?(?:累计)?(?:支出|执行|使用|拨付|支付)/;

/** "截至2022年12月31日", "截止2022年底": a cut-off date. */
const AS_OF =
  /(?:截至|截止|截止到|(?:^|[。；;，,])(?:至|到))((?:19|20)\d{2})年(?:(?:\d{1,2})月(?:\d{1,2}日|底|末)?|底|末)/;
/** What a sentence of the year's own results says it did, or spent. */
const DONE =
  /完成|实现|办理|新增|建成|开展|发放|累计|共计|支出|拨付|执行率|举办|组织|实施|接待|受理/;
/** A sentence that compares, or states a balance or base carried from the year before. */
const CARRIED =
  /较|比|相比|同比|上年|去年|上一年|增长|下降|增加|减少|结转|结余|年初|期初|基数|余额|存量|原有|已有|以来|整改|问题/;

const YEAR_MENTION = /((?:19|20)\d{2})年/g;
/**
 * After "2023年": 度 or 的 and a noun, a year naming work ("2023年度民生实事", "2023年的任务"),
 * not a date or a period ("2023年新建…", "2023年底", "2023年度，").
 */
const WORK_OF_YEAR =
  /^[度的](?!\d|[底末初内中起至以前后，,：:、；;]|上半|下半|全年|$|新建|新增|完成|实施|开展|建成)/;
/** Said to be done already, all of it: the work the year names, not a year's progress. */
const ALL_DONE = /已(?:全部|经)?(?:完成|建成|实现|办结|竣工)|均已|全部(?:完成|建成|竣工)/;
/** Work of a year that may be settled the year before: its plan, budget or preparation. */
const PLANNED = /预算|计划|批复|下达|安排|申报|储备|前期|招标|谋划|编制/;

/**
 * "截至2022年12月31日，我局完成老旧小区改造23个…" in a 2023 report: a sentence that states work
 * done up to a date in an earlier year, naming no date of the year evaluated and comparing with
 * nothing, is last year's text kept (a warning: it may be a history the sentence does not say is
 * one).
 */
function asOfEarlierYear(statements: readonly Statement[], year: number): Finding[] {
  const out: Finding[] = [];
  // The one start of the work the report dates in the year evaluated ("项目于2024年3月开工"):
  // figures as of a date before it cannot be of that work, whatever later date the sentence names.
  const starts = statements.flatMap((s) =>
    s.text.includes('月')
      ? [...s.text.matchAll(STARTED_IN_YEAR)].filter((m) => Number(m[1]) === year)
      : [],
  );
  const start =
    starts.length === 1 && starts[0] ? dateKey(year, Number(starts[0][2]), 1) : undefined;
  for (const s of statements) {
    if (!/截|至|到/.test(s.text)) continue;
    const m = AS_OF.exec(s.text);
    const said = Number(m?.[1]);
    if (!m || said >= year || said < year - 2) continue;
    const rest = s.text.slice(m.index + m[0].length);
    // A comparison or a balance in a later part of a list parted by ；("…；“三公”经费控制在上年
    // 水平以内") is that part's: the part the date opens must compare for the date to be a base.
    const partEnd = rest.search(/[；;]/);
    // A comparison or a base is said in the date's clause or the one before it ("与上年相比，截至
    // …"); a 年初 target three clauses back ("为了实现年初绩效目标，…，至2022年底…") sets none.
    const from = clauseBefore(s.text, m.index + (/^[。；;，,]/.test(m[0]) ? 1 : 0));
    const part = s.text.slice(from, m.index + m[0].length + (partEnd < 0 ? rest.length : partEnd));
    // The year evaluated may be named, as the year whose work is done ("全镇2023年度民生实事项目已
    // 全部完成"), not as a date: done by a date before it began, unless it was only planned then.
    const later = [...s.text.matchAll(YEAR_MENTION)].filter((y) => Number(y[1]) >= year);
    // "2023年我办年度部门预算资金912.96万元，截止2022年底累计支出912.96万元": the year evaluated
    // named before the date as the year of the budget whose spending is counted up to the date,
    // which cannot have begun by then (what the sentence says of the balance after it is no base).
    const budgetOf = (y: RegExpExecArray): boolean =>
      y.index < m.index &&
      BUDGET_OF_YEAR.test(s.text.slice(y.index + y[0].length, m.index)) &&
      SPENT.test(rest);
    const spentBefore = later.length > 0 && later.every(budgetOf);
    if (!DONE.test(rest) || (!spentBefore && CARRIED.test(part))) continue;
    // "截至2023年12月31日，累计完成投资A，其中2024年度当年完成B": the year evaluated named as a
    // part of the running total up to the date, which cannot hold it.
    const partOfTotal = (y: RegExpExecArray): boolean =>
      /累计/.test(rest) && /其中[：:，,]?$/.test(s.text.slice(Math.max(0, y.index - 3), y.index));
    const workOf = (y: RegExpExecArray): boolean =>
      partOfTotal(y) ||
      (WORK_OF_YEAR.test(s.text.slice(y.index + y[0].length)) &&
        ALL_DONE.test(s.text.slice(y.index)));
    const asOf = /(\d{1,2})月/.exec(m[0]);
    const beforeStart = start !== undefined && dateKey(said, asOf ? Number(asOf[1]) : 12) < start;
    if (!beforeStart && !spentBefore && later.some((y) => !workOf(y))) continue;
    if (!spentBefore && later.length > 0 && PLANNED.test(s.text)) continue;
    const sentence = excerptOf(s.raw, m[1]);
    out.push(
      finding('DOC_YEAR_AS_OF', s.line, sentence, {
        stated: m[0].replace(/^[。；;，,]?(?:截止到|截至|截止|至|到)/, ''),
        expected: `${year}年`,
        reportYear: year,
        sentence,
      }),
    );
  }
  return out;
}

/**
 * "2020年末在职人数57人", "2022年末共有人数61人", "2023年12月31日止我办在职人员274人", "截至2023年
 * 12月31日，我单位固定资产原值…": the staff or the assets at the end of a year, group 1 the year,
 * 2 what is counted (staff, not 人员经费), 3 assets.
 */
const STOCK_AT_YEAR_END =
  /((?:19|20)\d{2})年(?:末|底|12月31日(?:止|为止)?)[，,]?(?:[我本全](?:局|委|办|院|校|厅|站|所|单位|部门|中心))?(?:单位)?(?:((?:共有|实有|现有)?(?:(?:在职|在编|实有|离退休|退休|编制)(?:人数|人员|职工|干部)|人数)(?!经费|支出|类|费)|(?:在职|在编)?职工(?:人数)?(?!经费|支出|类|费))|((?:固定)?资产(?:原值|净值|总额|总计)))/g;

/**
 * "我局实有编制数63人，2020年末在职人数57人" in a 2021 report: the unit's staff or assets stated
 * as at the end of a year before the one evaluated, in a sentence that compares with nothing and
 * names no later year, is last year's text kept or a year written wrong (a warning).
 */
function stockOfEarlierYear(statements: readonly Statement[], year: number): Finding[] {
  const out: Finding[] = [];
  for (const s of statements) {
    if (!/年[末底]|年12月31日/.test(s.text) || CARRIED.test(s.text)) continue;
    if ([...s.text.matchAll(YEAR_MENTION)].some((y) => Number(y[1]) >= year)) continue;
    for (const m of s.text.matchAll(STOCK_AT_YEAR_END)) {
      const said = Number(m[1]);
      if (said >= year || said < year - 2) continue;
      const stated = /\d{4}年(?:[末底]|12月31日)/.exec(m[0])?.[0] ?? `${said}年末`;
      const sentence = excerptOf(s.raw, m[1] ?? '');
      out.push(
        finding('DOC_YEAR_STOCK', s.line, sentence, {
          stated,
          expected: `${year}年末`,
          reportYear: year,
          what: m[3] ? '资产' : '人员',
          sentence,
        }),
      );
    }
  }
  return out;
}

/**
 * "项目实施周期：2022年1月至2022年12月", "实施期限2021年—2022年": the period of the work
 * evaluated, or of the evaluation ("本次自评时段为2022年1月1日至2022年12月31日"), stated with its
 * start and end; group 1 the start's year, group 2 the end's, if named.
 */
const PERIOD =
  /(?:(?:实施|执行|建设|项目)(?:周期|期限|期间|年限|时间|期)|(?:自评|评价|考核)(?:时段|期间|区间|周期|时限|期))[为是：:]?((?:19|20)\d{2})年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:[-—–~～至到]+)((?:19|20)\d{2})?年?(?:\d{1,2}月(?:\d{1,2}日)?|底|末)?/;

/**
 * The period of the work a report evaluates, ended before the year evaluated began ("项目实施周期：
 * 2022年1月至2022年12月" in a 2023 report): last year's text kept or a year written wrong (a
 * warning: the sentence may speak of an earlier phase).
 */
function periodBeforeYear(statements: readonly Statement[], year: number): Finding[] {
  const out: Finding[] = [];
  for (const s of statements) {
    if (!/期|时段/.test(s.text)) continue;
    const m = PERIOD.exec(s.text);
    if (!m?.[1]) continue;
    const end = Number(m[2] ?? m[1]);
    if (end >= year || end < year - 2 || CARRIED.test(s.text.slice(0, m.index))) continue;
    const sentence = excerptOf(s.raw, m[1]);
    out.push(
      finding('DOC_YEAR_PERIOD', s.line, sentence, {
        stated: m[0].replace(/^[^\d]+/, ''),
        expected: `${year}年`,
        ...(/^(?:自评|评价|考核)/.test(m[0]) ? { evaluation: true } : {}),
        reportYear: year,
        sentence,
      }),
    );
  }
  return out;
}

/**
 * "培训工作于2023年11月底前全部完成" in a 2024 report: the year's work said done by a date of the
 * year before, in a sentence naming no later year and comparing, carrying or planning nothing, is
 * a year written wrong or last year's text kept (a warning, as for 截至).
 */
function doneBeforeYear(statements: readonly Statement[], year: number): Finding[] {
  const out: Finding[] = [];
  for (const s of statements) {
    if (!s.text.includes('于')) continue;
    const years = [...s.text.matchAll(YEAR_MENTION)];
    // A later year stops it, but for a period of the year evaluated that the work is of
    // ("2024年秋季学期资助资金于2023年11月28日前全部发放"): its money cannot go out the year before.
    const own = (y: RegExpMatchArray): boolean =>
      Number(y[1]) === year && OWN_PERIOD.test(s.text.slice((y.index ?? 0) + y[0].length));
    if (years.some((y) => Number(y[1]) >= year && !own(y))) continue;
    for (const m of s.text.matchAll(DONE_BY)) {
      if (Number(m[1]) !== year - 1) continue;
      if (years.some((y) => own(y) && (y.index ?? 0) > (m.index ?? 0))) continue;
      const partStart = partStartBefore(s.text, m.index);
      const part = s.text.slice(partStart + 1, m.index + m[0].length);
      // Words of a plan count in the clause of the date ("按计划推进，项目于…完成" is no plan).
      const clauseStart = Math.max(partStart, lastComma(s.text, m.index));
      const clause = s.text.slice(clauseStart + 1, m.index + m[0].length);
      if (CARRIED.test(part) || PLANNED.test(clause) || TO_COME.test(clause)) continue;
      const sentence = excerptOf(s.raw, m[1] ?? '');
      const stated =
        /^[^\d]*((?:19|20)\d{2}年[^完建竣投交验]*?)(?:全部|均|已|基本)*(?:完成|建成|竣工|投入使用|投用|交付|验收)/.exec(
          m[0],
        )?.[1] ?? `${m[1] ?? ''}年${m[2] ?? ''}月`;
      out.push(
        finding('DOC_YEAR_DONE_BEFORE', s.line, sentence, {
          stated,
          expected: `${year}年`,
          reportYear: year,
          sentence,
        }),
      );
    }
  }
  return out;
}

/** After a year: a period of it ("2024年秋季学期", "2024年度第一季度", "2024年上半年"). */
const OWN_PERIOD = /^(?:度)?(?:(?:春季|秋季|春|秋)学期|第[一二三四1-4]季度|上半年|下半年)/;

/** "于2023年5月开工建设": the date work began (group 1 year, 2 month, 3 day). */
const STARTED =
  /((?:19|20)\d{2})年(\d{1,2})月(?:(\d{1,2})日)?(?:正式|开始|陆续)?(?:开工|动工|开始实施|启动实施|进场施工)/g;
/** "2022年11月竣工验收", "2023年6月完成竣工验收": the date it was finished, after the start. */
const FINISHED =
  /((?:19|20)\d{2})年(\d{1,2})月(?:(\d{1,2})日)?(?:底|末)?(?:前|之前)?(?:全部|全面|基本|顺利|已)*(?:完成|通过)?(?:竣工|完工|建成|验收|交付使用|投入使用)/g;

/**
 * "项目于2023年5月开工建设，2022年11月竣工验收": work said finished before the date it began,
 * in one sentence, has a year (or month) written wrong.
 */
function doneBeforeStart(statements: readonly Statement[]): Finding[] {
  const out: Finding[] = [];
  for (const s of statements) {
    if (!/开工|动工|实施|施工/.test(s.text)) continue;
    for (const start of s.text.matchAll(STARTED)) {
      const from = (start.index ?? 0) + start[0].length;
      const rest = s.text.slice(from);
      FINISHED.lastIndex = 0;
      const done = FINISHED.exec(rest);
      if (!done) continue;
      // Only the next clause or two: a later phase ("二期…") is another piece of work.
      if (/[。；;]|二期|下一|后续/.test(rest.slice(0, done.index))) continue;
      const began = dateKey(Number(start[1]), Number(start[2]), Number(start[3] ?? 1));
      const ended = dateKey(
        Number(done[1]),
        Number(done[2]),
        done[3] ? Number(done[3]) : undefined,
      );
      if (ended >= began) continue;
      const stated = done[0].replace(
        /(?:底|末)?(?:前|之前)?(?:全部|全面|基本|顺利|已)*(?:完成|通过)?(?:竣工|完工|建成|验收|交付使用|投入使用)$/,
        '',
      );
      const sentence = excerptOf(s.raw, stated);
      out.push(
        finding('DOC_DATE_ORDER', s.line, sentence, {
          stated,
          expected: `${start[1] ?? ''}年${start[2] ?? ''}月以后`,
          start: start[0].replace(
            /(?:正式|开始|陆续)?(?:开工|动工|开始实施|启动实施|进场施工)$/,
            '',
          ),
          sentence,
        }),
      );
    }
  }
  return out;
}

/** The last comma before `at`, full-width or half-width (not a thousands separator), or -1. */
function lastComma(text: string, at: number): number {
  for (let i = Math.min(at, text.length - 1); i >= 0; i--) {
    const c = text[i];
    if (c === '，') return i;
    if (c === ',' && !(/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? ''))) return i;
  }
  return -1;
}

/** "项目于2024年3月开工", "2024年3月完成招标": the work started, group 1 the year, 2 the month. */
const STARTED_IN_YEAR =
  /((?:19|20)\d{2})年(\d{1,2})月(?:\d{1,2}日)?(?:完成招标|开工|动工|启动|开始实施|开始建设|进场施工)/g;
/** "，2023年11月底全部建成投用", "于2023年11月通过竣工验收": a clause dating the work done. */
const DONE_AT =
  /(?:于|[，,]|^)((?:19|20)\d{2})年(\d{1,2})月(?:(\d{1,2})日)?(?:底|末)?(?:前|之前|以前)?[^。；;，,\d]{0,16}?(?:完成|建成|竣工|完工|投入使用|投用|交付|验收)/g;

/**
 * "项目于2024年3月开工，修缮工程于2023年11月通过竣工验收" in a 2024 report: the work said done
 * before the date the same sentence starts it, in the year evaluated, is a year written wrong (a
 * warning). Other sentences naming a later year are left to the comparison they may make.
 */
function doneBeforeStartInYear(statements: readonly Statement[], year: number): Finding[] {
  const out: Finding[] = [];
  for (const s of statements) {
    // STARTED_IN_YEAR needs a month.
    if (!s.text.includes('月')) continue;
    const start = [...s.text.matchAll(STARTED_IN_YEAR)].find((m) => Number(m[1]) >= year);
    if (!start) continue;
    const started = dateKey(Number(start[1]), Number(start[2]), 1);
    for (const m of s.text.matchAll(DONE_AT)) {
      const y = Number(m[1]);
      if ((m.index ?? 0) < (start.index ?? 0) || y >= year || y < year - 2) continue;
      if (dateKey(y, Number(m[2]), m[3] ? Number(m[3]) : undefined) >= started) continue;
      const sentence = excerptOf(s.raw, m[1] ?? '');
      out.push(
        finding('DOC_YEAR_DONE_BEFORE', s.line, sentence, {
          stated: `${m[1] ?? ''}年${m[2] ?? ''}月`,
          expected: `${year}年`,
          reportYear: year,
          sentence,
        }),
      );
    }
  }
  return out;
}

/** "二、2022年度部门预算执行情况": a heading that opens with a year and names the year's own facts. */
const YEAR_HEADING =
  /^((?:19|20)\d{2})年度?(?=[^，,。；;]*(?:情况|执行|完成|收支|支出|收入|绩效|目标|概况))/;
/** Any year named in a section. */
const YEAR_MENTION_ANY = /(?:19|20)\d{2}年/;
/** A heading of the year's own results: what was achieved, spent or scored. */
const OWN_RESULTS = /(?:目标|指标)(?:完成|实现)情况|完成情况|执行情况|绩效情况|自评情况/;
/** Headings of comparisons, histories and follow-ups, which name other years rightly. */
const OTHER_YEARS =
  /上年|以前|往年|历年|对比|比较|回顾|整改|问题|计划|预算安排|下一步|展望|\d{4}[-—–~至]/;

/**
 * A numbered heading naming a year before the one evaluated ("二、2022年度部门预算执行情况" in a
 * 2023 report) whose section states the year evaluated ("2023年，街道全年预算数…") and names its
 * own year nowhere: last year's heading kept (a warning). So too a heading of the year's own
 * results naming a year after it ("二、2024年度部门预算执行情况" over 2023's figures): a slip of
 * the year (the year after is named rightly only for plans, which such a heading is not).
 */
function headingsOfAnotherYear(report: ExtractedReport, year: number): Finding[] {
  const out: Finding[] = [];
  const blocks = report.document.blocks;
  const numbered = report.outline.filter((e) => e.number);
  numbered.forEach((e, k) => {
    const m = YEAR_HEADING.exec(squash(e.title));
    const said = Number(m?.[1]);
    const later = said > year && said <= year + 2 && OWN_RESULTS.test(e.title);
    if (!m || (!later && (said >= year || said < year - 2)) || OTHER_YEARS.test(e.title)) return;
    const end = numbered[k + 1]?.line ?? Infinity;
    const section = blocks
      .filter((b) => b.kind !== 'table' && b.line > e.line && b.line < end)
      .map((b) => squash(b.text))
      .join('');
    // The section states the year evaluated, or no year at all under a heading of the year's own
    // results ("三、2023年度绩效目标完成情况" in a 2024 report): the heading's year is the slip.
    if (section.includes(`${said}年`)) return;
    if (
      !section.includes(`${year}年`) &&
      (YEAR_MENTION_ANY.test(section) || !OWN_RESULTS.test(e.title))
    )
      return;
    out.push(
      finding('DOC_YEAR_HEADING', e.line, e.text, {
        stated: `${said}年`,
        expected: `${year}年`,
        reportYear: year,
        heading: e.text,
        ...(later ? { later: true } : {}),
      }),
    );
  });
  return out;
}

/** A part of a sentence opening with a year ("2023年全州…", "2023年度，…"): group 1 the year. */
const YEAR_OPENING = /^(?:在|于)?((?:19|20)\d{2})年度?/;
/** Words that make a dated figure a total of years, a target or a comparison with another year. */
const NOT_OWN_YEAR =
  /以来|累计|历年|连续|目标|计划|预计|力争|确保|分别|基数|(?:较|比|与)(?:19|20)\d{2}/;
/** Figures too common to say whose year they are (100%, 0): every year may reach them. */
const TELLING_DIGITS = 3;

/**
 * "2023年全州农村网络零售额同比增长12.6%" in a 2024 report whose 自评表 gives 农村网络零售额增长率
 * 12.6% as the year's actual: a part of a sentence dated by an earlier year that states, under a
 * name sharing four characters with a leaf's, exactly that leaf's actual (a figure of three digits
 * or more, not 100) is the year evaluated, its year written wrong.
 */
function actualsOfEarlierYear(
  report: ExtractedReport,
  statements: readonly Statement[],
  year: number,
): Finding[] {
  const leaves: { name: string; value: number; unit: string }[] = [];
  const walk = (nodes: readonly IndicatorNode[]): void => {
    for (const n of nodes) {
      if (n.children && n.children.length > 0) walk(n.children);
      else if (n.actual?.kind === 'quantity' && n.actual.unit !== '' && !/元/.test(n.actual.unit)) {
        const digits = n.actual.text.replace(/[^\d]/g, '').replace(/^0+/, '');
        if (digits.length >= TELLING_DIGITS && n.actual.value !== 100)
          leaves.push({
            name: n.name,
            value: n.actual.value,
            unit: /[%％]/.test(n.actual.unit) ? '%' : n.actual.unit,
          });
      }
    }
  };
  walk(report.evaluation.indicators);
  if (leaves.length === 0) return [];
  const out: Finding[] = [];
  for (const s of statements) {
    let from = 0;
    for (const part of s.text.split(/(?<=[。；;])/)) {
      const start = from;
      from += part.length;
      const opening = YEAR_OPENING.exec(part);
      const stated = Number(opening?.[1]);
      if (!opening || !(stated < year) || part.includes(`${year}年`)) continue;
      const hit = s.claims
        .filter((c) => c.at >= start && c.end <= start + part.length)
        .flatMap((c) => {
          if (c.kind !== 'percent' && c.kind !== 'count') return [];
          const unit = c.kind === 'percent' ? '%' : c.unit;
          // Words up to the figure govern it, not those of the clauses after it.
          const before = part.slice(0, c.at - start);
          if (NOT_OWN_YEAR.test(part.slice(0, c.end - start))) return [];
          const leaf = leaves.find(
            (l) =>
              l.unit === unit &&
              Math.abs(l.value - c.value) < 1e-9 * Math.max(1, l.value) &&
              commonRun(before, l.name) >= 4,
          );
          return leaf ? [{ c, leaf }] : [];
        })[0];
      if (!hit) continue;
      const sentence = excerptOf(s.raw, opening[1] ?? '');
      out.push(
        finding('DOC_YEAR_ACTUAL', s.line, sentence, {
          stated: `${stated}年`,
          expected: `${year}年`,
          reportYear: year,
          figure: hit.c.text,
          name: hit.leaf.name,
          sentence,
        }),
      );
    }
  }
  return out;
}

import type { Finding, Rulebook } from '@jixiao/domain';
import type { ExtractedReport } from '@jixiao/documents/audit-core';

/**
 * Provincial-level regions: the name, the forms a report writes it in, and the one-character
 * abbreviation their finance departments' document numbers begin with (湘财绩〔2024〕5号). Only
 * abbreviations no prefecture's own numbers use are listed (吉, 新, 宁, 云, 青 … are also cities').
 */
const PROVINCES: readonly { name: string; written: RegExp; abbreviation?: string }[] = [
  { name: '北京市', written: /北京市/, abbreviation: '京' },
  { name: '天津市', written: /天津市/, abbreviation: '津' },
  { name: '河北省', written: /河北省/, abbreviation: '冀' },
  { name: '山西省', written: /山西省/, abbreviation: '晋' },
  { name: '内蒙古自治区', written: /内蒙古自治区|内蒙古/ },
  { name: '辽宁省', written: /辽宁省/ },
  { name: '吉林省', written: /吉林省/ },
  { name: '黑龙江省', written: /黑龙江省/ },
  { name: '上海市', written: /上海市/, abbreviation: '沪' },
  { name: '江苏省', written: /江苏省/ },
  { name: '浙江省', written: /浙江省/, abbreviation: '浙' },
  { name: '安徽省', written: /安徽省/, abbreviation: '皖' },
  { name: '福建省', written: /福建省/, abbreviation: '闽' },
  { name: '江西省', written: /江西省/ },
  { name: '山东省', written: /山东省/, abbreviation: '鲁' },
  { name: '河南省', written: /河南省/, abbreviation: '豫' },
  { name: '湖北省', written: /湖北省/, abbreviation: '鄂' },
  { name: '湖南省', written: /湖南省/, abbreviation: '湘' },
  { name: '广东省', written: /广东省/, abbreviation: '粤' },
  { name: '广西壮族自治区', written: /广西壮族自治区|广西/ },
  { name: '海南省', written: /海南省/, abbreviation: '琼' },
  { name: '重庆市', written: /重庆市/, abbreviation: '渝' },
  { name: '四川省', written: /四川省/, abbreviation: '川' },
  { name: '贵州省', written: /贵州省/, abbreviation: '黔' },
  { name: '云南省', written: /云南省/, abbreviation: '滇' },
  { name: '西藏自治区', written: /西藏自治区|西藏/ },
  { name: '陕西省', written: /陕西省/, abbreviation: '陕' },
  { name: '甘肃省', written: /甘肃省/, abbreviation: '陇' },
  { name: '青海省', written: /青海省/ },
  { name: '宁夏回族自治区', written: /宁夏回族自治区|宁夏/ },
  { name: '新疆维吾尔自治区', written: /新疆维吾尔自治区|新疆/ },
];

/** A finance document number: its issuer's abbreviation before 财 and a bracketed year. */
const DOCUMENT_NUMBER =
  /(^|[^\u4e00-\u9fa5])([\u4e00-\u9fa5])财[\u4e00-\u9fa5]{0,3}[〔[（(［]\s*\d{4}/g;

/** How far into a report its region is looked for: its opening says whose it is. */
const OPENING_BLOCKS = 40;

/** The text a report says whose it is in: title, unit and the opening paragraphs. */
function openingText(report: ExtractedReport): string {
  const meta = report.evaluation.meta;
  const blocks = report.document.blocks
    .filter((b) => b.kind !== 'table')
    .slice(0, OPENING_BLOCKS)
    .map((b) => b.text);
  return [meta.title ?? '', report.found.unit ? meta.unitName : '', ...blocks].join('\n');
}

/** The provinces a text names, in words or by a finance document number's abbreviation. */
function provincesNamed(text: string): string[] {
  const abbreviations = new Set([...text.matchAll(DOCUMENT_NUMBER)].map((m) => m[2] ?? ''));
  return PROVINCES.filter(
    (p) =>
      p.written.test(text) || (p.abbreviation !== undefined && abbreviations.has(p.abbreviation)),
  ).map((p) => p.name);
}

/** How the rulebook a report was scored by came to be chosen. */
export interface RulebookBasis {
  /** False when the report names the book's region or cites its source; true when only the
   * structure of its indicators suggested it. */
  inferred: boolean;
  /** In Chinese, for the reader: why the book is only assumed. Null when it is not. */
  note: string | null;
}

/**
 * Whether the report bears out its rulebook: it names the book's province (and city, for a
 * city's book) or cites one of the book's sources (财预〔2020〕10号 for the national project
 * table). A book chosen by the shape of the indicator tree alone is an assumption, and the
 * jurisdiction's options it brings (grade bands, qualitative bands) are not the report's own.
 */
export function rulebookBasis(book: Rulebook, report: ExtractedReport): RulebookBasis {
  const text = openingText(report);
  const squashed = text.replace(/\s+/g, '');
  const cited = book.sources.some(
    (s) => s.reference !== undefined && squashed.includes(s.reference.replace(/\s+/g, '')),
  );
  const named = provincesNamed(text);
  const province = PROVINCES.find((p) => book.jurisdiction.startsWith(p.name));
  // A city's book ("湖南省怀化市"): the city must be named too.
  const city = province
    ? book.jurisdiction.slice(province.name.length).replace(/[市州县区]$/, '')
    : '';
  const matches =
    province !== undefined &&
    named.includes(province.name) &&
    (city === '' || squashed.includes(city));
  if (cited || matches) return { inferred: false, note: null };
  const region =
    named.length === 1
      ? `报告属${named[0] ?? ''}，`
      : named.length > 1
        ? ''
        : '报告未写明所属地区，';
  return { inferred: true, note: `${region}依指标结构推断` };
}

/** Findings that rest on a book's own options rather than on the report's arithmetic. */
const BOOK_OPTION_CODES: Readonly<Record<string, string>> = {
  GRADE_MISMATCH: '等级划分',
  SCORE_RULE_QUALITATIVE_BAND: '定性指标分档',
};

/**
 * A finding that applies a jurisdiction's option (its grade bands, its qualitative bands) under a
 * book only assumed for the report is at most a warning that says so.
 */
export function onInferredBook(f: Finding, basis: RulebookBasis | undefined): Finding {
  const option = BOOK_OPTION_CODES[f.code];
  if (!basis?.inferred || option === undefined || f.severity !== 'error') return f;
  return {
    ...f,
    severity: 'warning',
    message: `${f.message}（评价指标体系系按指标结构推定，${option}以当地规定为准）`,
  };
}

import { FONTS, INDENT_TWO_CHARS, LINE_PITCH, SIZES } from './gbt9704.ts';
import { NS_W, XML_DECLARATION } from './wordml.ts';

/**
 * word/styles.xml: document defaults (仿宋_GB2312 三号, exact 28.95 pt lines), Title, Heading1–4
 * and our named styles for body text, attachments, table cells, sign-off and page numbers. The
 * body's paragraphs name a style and carry no formatting of their own.
 */

/** One font for every script, so Word picks it for Chinese and for digits alike. */
function fonts(name: string): string {
  return `<w:rFonts w:ascii="${name}" w:eastAsia="${name}" w:hAnsi="${name}" w:cs="${name}"/>`;
}

const size = (halfPoints: number) => `<w:sz w:val="${halfPoints}"/><w:szCs w:val="${halfPoints}"/>`;

function spacing(line: number, rule: 'exact' | 'atLeast' | 'auto', before: number, after: number) {
  return `<w:spacing w:line="${line}" w:lineRule="${rule}" w:before="${before}" w:after="${after}"/>`;
}

const exact = (line: number) => spacing(line, 'exact', 0, 0);
const bold = (on: boolean) => (on ? '<w:b/><w:bCs/>' : '<w:b w:val="0"/><w:bCs w:val="0"/>');
const BLACK = '<w:color w:val="000000"/>';
/** Table text: 五号 仿宋, lines at least 14 pt with 1 pt before and after. */
const TABLE_TEXT_PPR = spacing(280, 'atLeast', 20, 20);
const TABLE_TEXT_RPR = fonts(FONTS.body) + size(SIZES.wuhao);
const BORDER = (side: string) => `<w:${side} w:val="single" w:color="auto" w:sz="4"/>`;
/** Single 0.5 pt lines around and between all cells. */
const TABLE_BORDERS = `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
  .map(BORDER)
  .join('')}</w:tblBorders>`;
/** 3 pt cell margins left and right. */
const TABLE_CELL_MARGINS =
  '<w:tblCellMar><w:left w:w="60" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar>';

interface StyleParts {
  id: string;
  name: string;
  /** Built-in styles (Title, headings) hand over to Normal for the next paragraph. */
  builtIn?: boolean;
  /** Shown in Word's style gallery. */
  quick?: boolean;
  /** The style this one refines (default Normal). */
  basedOn?: string;
  /** w:pPr children, in schema order (keepNext, spacing, ind, jc, outlineLvl). */
  pPr?: string;
  /** w:rPr children, in schema order (rFonts, b, bCs, color, sz, szCs). */
  rPr?: string;
}

function style(s: StyleParts): string {
  return (
    `<w:style w:type="paragraph" w:styleId="${s.id}"><w:name w:val="${s.name}"/>` +
    `<w:basedOn w:val="${s.basedOn ?? 'Normal'}"/>` +
    (s.builtIn ? '<w:next w:val="Normal"/>' : '') +
    (s.builtIn || s.quick ? '<w:qFormat/>' : '') +
    (s.pPr ? `<w:pPr>${s.pPr}</w:pPr>` : '') +
    (s.rPr ? `<w:rPr>${s.rPr}</w:rPr>` : '') +
    '</w:style>'
  );
}

function heading(level: number, fontName: string, boldHeadings: boolean): string {
  return style({
    id: `Heading${level}`,
    name: `Heading ${level}`,
    builtIn: true,
    pPr:
      '<w:keepNext/>' +
      exact(LINE_PITCH) +
      `<w:ind w:firstLine="${INDENT_TWO_CHARS}"/>` +
      `<w:outlineLvl w:val="${level - 1}"/>`,
    rPr: fonts(fontName) + bold(boldHeadings) + BLACK + size(SIZES.sanhao),
  });
}

/** Paragraph defaults and the empty Normal style every other style is based on. */
function defaults(): string {
  return (
    '<w:docDefaults>' +
    `<w:rPrDefault><w:rPr>${fonts(FONTS.body)}${size(SIZES.sanhao)}</w:rPr></w:rPrDefault>` +
    `<w:pPrDefault><w:pPr>${exact(LINE_PITCH)}</w:pPr></w:pPrDefault>` +
    '</w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>' +
    '<w:qFormat/></w:style>'
  );
}

const stylesRoot = (inner: string) =>
  `${XML_DECLARATION}<w:styles xmlns:w="${NS_W}">${inner}</w:styles>`;

/** The styles of a report; headings bold or not. */
export function reportStylesXml(boldHeadings: boolean): string {
  return stylesRoot(
    defaults() +
      style({
        id: 'Title',
        name: 'Title',
        builtIn: true,
        pPr: spacing(2 * LINE_PITCH - 200, 'exact', 0, LINE_PITCH) + '<w:jc w:val="center"/>',
        rPr: fonts(FONTS.title) + bold(false) + BLACK + size(SIZES.erhao),
      }) +
      heading(1, FONTS.hei, boldHeadings) +
      heading(2, FONTS.kai, boldHeadings) +
      heading(3, FONTS.body, boldHeadings) +
      heading(4, FONTS.body, boldHeadings) +
      style({
        id: 'BodyText',
        name: 'Body Text',
        quick: true,
        pPr: `<w:ind w:firstLine="${INDENT_TWO_CHARS}"/><w:jc w:val="both"/>`,
      }) +
      style({
        id: 'AttachmentLabel',
        name: 'Attachment Label',
        pPr: '<w:keepNext/>',
        rPr: fonts(FONTS.hei) + size(SIZES.sanhao),
      }) +
      style({
        id: 'TableTitle',
        name: 'Table Title',
        pPr: '<w:keepNext/>' + spacing(LINE_PITCH, 'exact', 120, 120) + '<w:jc w:val="center"/>',
        rPr: fonts(FONTS.title) + size(SIZES.xiaoer),
      }) +
      style({ id: 'TableText', name: 'Table Text', pPr: TABLE_TEXT_PPR, rPr: TABLE_TEXT_RPR }) +
      // Every table's lines and cell margins, every cell's vertical centring and table text:
      // said once here, not in each table and cell (CT_Style's sequence: name, pPr, rPr, tblPr,
      // tcPr). A cell paragraph names no style (Normal adds nothing), so these apply, and
      // carries only its alignment when it is not left.
      '<w:style w:type="table" w:styleId="ReportTable"><w:name w:val="Report Table"/>' +
      `<w:pPr>${TABLE_TEXT_PPR}</w:pPr><w:rPr>${TABLE_TEXT_RPR}</w:rPr>` +
      `<w:tblPr>${TABLE_BORDERS}${TABLE_CELL_MARGINS}</w:tblPr>` +
      '<w:tcPr><w:vAlign w:val="center"/></w:tcPr></w:style>' +
      style({ id: 'TableGap', name: 'Table Gap', pPr: exact(20), rPr: size(2) }) +
      style({
        id: 'SignOff',
        name: 'Sign Off',
        pPr: spacing(360, 'atLeast', 120, 0),
        rPr: fonts(FONTS.body) + size(SIZES.xiaosi),
      }) +
      style({
        id: 'PageNumber',
        name: 'Page Number',
        pPr: spacing(240, 'auto', 0, 0),
        rPr: fonts(FONTS.song) + size(SIZES.sihao),
      }),
  );
}

/** The styles of a document of bare paragraphs: the defaults and Normal only. */
export function plainStylesXml(): string {
  return stylesRoot(defaults());
}

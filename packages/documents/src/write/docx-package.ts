import { plainStylesXml, reportStylesXml } from './docx-styles.ts';
import { ONE_CHAR_SIHAO } from './gbt9704.ts';
import { escapeXml, NS_R, NS_W, XML_DECLARATION } from './wordml.ts';
import { prepareZipFile, writeZip } from './zip-writer.ts';
import type { PreparedZipFile } from './zip-writer.ts';

/**
 * The parts of a .docx around word/document.xml: content types, relationships, styles, settings,
 * font table, footers and properties. They depend only on the layout options, so each option set
 * is written and deflated once per process; a report deflates only its document and core.xml.
 */

/** What the fixed parts depend on: the page-number layout and bold headings, or a plain page. */
export type PackageKind =
  | { kind: 'report'; pageNumberPosition: 'odd-even' | 'center'; boldHeadings: boolean }
  | { kind: 'plain' };

const CT_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

function footerXml(align: 'left' | 'right' | 'center'): string {
  const indent =
    align === 'left'
      ? `<w:ind w:left="${ONE_CHAR_SIHAO}"/>`
      : align === 'right'
        ? `<w:ind w:right="${ONE_CHAR_SIHAO}"/>`
        : '';
  // "— n —": a PAGE field between an em dash and a space on each side.
  return (
    `${XML_DECLARATION}<w:ftr xmlns:w="${NS_W}"><w:p><w:pPr><w:pStyle w:val="PageNumber"/>` +
    `${indent}<w:jc w:val="${align}"/></w:pPr><w:r><w:t xml:space="preserve">— </w:t>` +
    '<w:fldChar w:fldCharType="begin"/><w:instrText xml:space="preserve">PAGE</w:instrText>' +
    '<w:fldChar w:fldCharType="separate"/><w:fldChar w:fldCharType="end"/>' +
    '<w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>'
  );
}

/** Footers by file name: odd pages right and even pages left, or one centred footer. */
function footers(kind: PackageKind): { name: string; xml: string }[] {
  if (kind.kind === 'plain') return [];
  if (kind.pageNumberPosition === 'center')
    return [{ name: 'footer1.xml', xml: footerXml('center') }];
  return [
    { name: 'footer1.xml', xml: footerXml('right') },
    { name: 'footer2.xml', xml: footerXml('left') },
  ];
}

/** Relationship ids of the footers in word/_rels/document.xml.rels: default, then even. */
export const FOOTER_RELATIONSHIP_IDS = ['rIdFooter1', 'rIdFooter2'] as const;

function relationships(rels: readonly [id: string, type: string, target: string][]): string {
  return (
    `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_REL}">` +
    rels
      .map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`)
      .join('') +
    '</Relationships>'
  );
}

function contentTypes(footerNames: readonly string[]): string {
  const override = (part: string, type: string) =>
    `<Override PartName="${part}" ContentType="${type}"/>`;
  return (
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    override('/word/document.xml', `${CT_MAIN}.document.main+xml`) +
    override('/word/styles.xml', `${CT_MAIN}.styles+xml`) +
    override('/word/settings.xml', `${CT_MAIN}.settings+xml`) +
    override('/word/fontTable.xml', `${CT_MAIN}.fontTable+xml`) +
    footerNames.map((n) => override(`/word/${n}`, `${CT_MAIN}.footer+xml`)).join('') +
    override('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
    override(
      '/docProps/app.xml',
      'application/vnd.openxmlformats-officedocument.extended-properties+xml',
    ) +
    '</Types>'
  );
}

function settingsXml(evenAndOdd: boolean): string {
  // compatibilityMode 15: lay out as Word 2013 and later do.
  return (
    `${XML_DECLARATION}<w:settings xmlns:w="${NS_W}"><w:displayBackgroundShape/>` +
    (evenAndOdd ? '<w:evenAndOddHeaders/>' : '') +
    '<w:compat><w:compatSetting w:name="compatibilityMode" ' +
    'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>'
  );
}

const FONT_TABLE = `${XML_DECLARATION}<w:fonts xmlns:w="${NS_W}"/>`;
const APP = `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>jixiao</Application></Properties>`;

function fixedParts(kind: PackageKind): { head: PreparedZipFile[]; tail: PreparedZipFile[] } {
  const feet = footers(kind);
  const prepare = (path: string, data: string) => prepareZipFile({ path, data });
  return {
    head: [
      prepare('[Content_Types].xml', contentTypes(feet.map((f) => f.name))),
      prepare(
        '_rels/.rels',
        relationships([
          ['rId1', `${REL}/officeDocument`, 'word/document.xml'],
          ['rId2', `${PACKAGE_REL}/metadata/core-properties`, 'docProps/core.xml'],
          ['rId3', `${REL}/extended-properties`, 'docProps/app.xml'],
        ]),
      ),
      prepare('docProps/app.xml', APP),
    ],
    tail: [
      prepare(
        'word/_rels/document.xml.rels',
        relationships([
          ['rId1', `${REL}/styles`, 'styles.xml'],
          ['rId2', `${REL}/settings`, 'settings.xml'],
          ['rId3', `${REL}/fontTable`, 'fontTable.xml'],
          ...feet.map((f, i): [string, string, string] => [
            FOOTER_RELATIONSHIP_IDS[i] ?? '',
            `${REL}/footer`,
            f.name,
          ]),
        ]),
      ),
      prepare(
        'word/styles.xml',
        kind.kind === 'plain' ? plainStylesXml() : reportStylesXml(kind.boldHeadings),
      ),
      prepare(
        'word/settings.xml',
        settingsXml(kind.kind === 'report' && kind.pageNumberPosition === 'odd-even'),
      ),
      prepare('word/fontTable.xml', FONT_TABLE),
      ...feet.map((f) => prepare(`word/${f.name}`, f.xml)),
    ],
  };
}

const prepared = new Map<string, ReturnType<typeof fixedParts>>();

function fixedPartsOnce(kind: PackageKind): ReturnType<typeof fixedParts> {
  const key =
    kind.kind === 'plain' ? 'plain' : `${kind.pageNumberPosition}/${String(kind.boldHeadings)}`;
  let parts = prepared.get(key);
  if (!parts) {
    parts = fixedParts(kind);
    prepared.set(key, parts);
  }
  return parts;
}

/** core.xml: the title and author. No dates, so the same report gives the same bytes. */
function coreXml(title: string): string {
  return (
    `${XML_DECLARATION}<cp:coreProperties ` +
    'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>jixiao</dc:creator>` +
    '<cp:revision>1</cp:revision></cp:coreProperties>'
  );
}

/**
 * Archives word/document.xml with the fixed parts of its kind into a .docx. The archive is a copy:
 * the document's bytes may be reused once this returns.
 */
export function packageDocx(documentXml: Uint8Array, title: string, kind: PackageKind): Uint8Array {
  const { head, tail } = fixedPartsOnce(kind);
  return writeZip([
    ...head,
    { path: 'docProps/core.xml', data: coreXml(title) },
    { path: 'word/document.xml', data: documentXml },
    ...tail,
  ]);
}

/** The root element of word/document.xml, with the namespaces its markup uses. */
export const DOCUMENT_OPEN = `${XML_DECLARATION}<w:document xmlns:w="${NS_W}" xmlns:r="${NS_R}"><w:body>`;
export const DOCUMENT_CLOSE = '</w:body></w:document>';

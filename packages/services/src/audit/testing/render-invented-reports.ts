import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Renders the whole invented reports of invented-reports/src/ (one .md each: a line per
 * paragraph, `# ` for the title, table rows as `|a|b|c` with `^` for a cell merged with the one
 * above and `<` for one merged with the one to its left, `---` alone for a page break after a
 * cover or a table of contents) into the forms published copies take:
 * the text a PDF export gives (`.pdf.txt`: hard-wrapped lines, "— n —" page footers, table cells
 * run together on a row's line or one per line), a portal page (`.html`, merged cells as spans)
 * and Word (`.docx`, LibreOffice's conversion of that page, when `soffice` is installed):
 * `npx tsx packages/services/src/audit/testing/render-invented-reports.ts [name…]`.
 * Which forms each report takes is listed in FORMS; findings.json is written by hand.
 */
const dir = new URL('../invented-reports/', import.meta.url).pathname;

interface PdfForm {
  kind: 'pdf';
  /** Characters per line (a CJK character 1, an ASCII one 0.5). */
  width: number;
  /** Lines per page before the footer. */
  page: number;
  cells: 'run-together' | 'cell-per-line';
}
/**
 * `html` is the bare page; `portal` the same page inside a government portal's frame (nav bar,
 * 发布时间 and 来源, 字号 大 中 小, 打印本页, the 版权所有 footer); `webtxt` that portal page as a
 * browser copies its text (`.web.txt`: the frame's lines around the report, a table's cells
 * parted by tabs, a cell merged with the one above left out).
 */
type Form = PdfForm | { kind: 'html' } | { kind: 'portal' } | { kind: 'webtxt' } | { kind: 'docx' };

const FORMS: Record<string, Form[]> = {
  'r1-suzhou-education-department': [
    { kind: 'pdf', width: 30, page: 30, cells: 'run-together' },
    { kind: 'docx' },
  ],
  'r2-luonan-health-project': [
    { kind: 'pdf', width: 28, page: 26, cells: 'cell-per-line' },
    { kind: 'html' },
    { kind: 'docx' },
  ],
  'r3-zhejiang-hydrology-projects': [
    { kind: 'pdf', width: 32, page: 34, cells: 'run-together' },
    { kind: 'docx' },
  ],
  'r4-dingxi-transfer-region': [
    { kind: 'pdf', width: 29, page: 28, cells: 'cell-per-line' },
    { kind: 'html' },
    { kind: 'docx' },
  ],
  'r5-guiyang-subdistrict-department': [
    { kind: 'pdf', width: 31, page: 32, cells: 'run-together' },
    { kind: 'docx' },
  ],
  'r6-jingchu-college-department': [
    { kind: 'pdf', width: 28, page: 27, cells: 'cell-per-line' },
    { kind: 'docx' },
  ],
  'r7-wangkui-agriculture-department': [
    { kind: 'pdf', width: 30, page: 28, cells: 'run-together' },
    { kind: 'docx' },
  ],
  'r8-qionghai-hospital-project': [
    { kind: 'pdf', width: 29, page: 27, cells: 'cell-per-line' },
    { kind: 'html' },
  ],
  'r9-guyuan-farmland-transfer-region': [
    { kind: 'pdf', width: 31, page: 30, cells: 'cell-per-line' },
    { kind: 'html' },
    { kind: 'docx' },
  ],
  'r10-wangan-township-department': [
    { kind: 'pdf', width: 28, page: 29, cells: 'run-together' },
    { kind: 'docx' },
  ],
  'c3-tianjin-college-projects-clean': [
    { kind: 'pdf', width: 30, page: 31, cells: 'run-together' },
    { kind: 'html' },
    { kind: 'docx' },
  ],
  'c4-liandu-housing-department-clean': [
    { kind: 'pdf', width: 29, page: 28, cells: 'run-together' },
    { kind: 'docx' },
  ],
  'r11-jinzhong-culture-department': [
    { kind: 'pdf', width: 30, page: 30, cells: 'run-together' },
    { kind: 'docx' },
  ],
  'r12-baishan-river-project': [
    { kind: 'pdf', width: 29, page: 28, cells: 'cell-per-line' },
    { kind: 'html' },
    { kind: 'docx' },
  ],
  'r13-qijiang-medical-security-department': [
    { kind: 'pdf', width: 31, page: 29, cells: 'cell-per-line' },
    { kind: 'docx' },
  ],
  'c5-anshan-market-department-clean': [
    { kind: 'pdf', width: 29, page: 31, cells: 'run-together' },
    { kind: 'docx' },
  ],
  'c6-nyingchi-preschool-project-clean': [
    { kind: 'pdf', width: 28, page: 27, cells: 'cell-per-line' },
    { kind: 'html' },
    { kind: 'docx' },
  ],
  'c1-wannian-farmland-project-clean': [
    { kind: 'pdf', width: 30, page: 29, cells: 'run-together' },
    { kind: 'html' },
    { kind: 'docx' },
  ],
  'c2-wulanchabu-justice-department-clean': [
    { kind: 'pdf', width: 28, page: 26, cells: 'cell-per-line' },
    { kind: 'docx' },
  ],
  'r14-linyi-ecology-department': [
    { kind: 'pdf', width: 30, page: 29, cells: 'run-together' },
    { kind: 'webtxt' },
    { kind: 'docx' },
  ],
  'r15-nanning-elderly-care-project': [
    { kind: 'pdf', width: 28, page: 27, cells: 'cell-per-line' },
    { kind: 'portal' },
    { kind: 'docx' },
  ],
  'r16-qujing-nutrition-transfer-region': [
    { kind: 'pdf', width: 31, page: 30, cells: 'cell-per-line' },
    { kind: 'portal' },
  ],
  'r17-zhuzhou-city-management-department': [
    { kind: 'pdf', width: 29, page: 28, cells: 'run-together' },
    { kind: 'webtxt' },
    { kind: 'docx' },
  ],
  'r18-xining-old-housing-project': [
    { kind: 'pdf', width: 30, page: 31, cells: 'run-together' },
    { kind: 'portal' },
    { kind: 'docx' },
  ],
  'c7-quanzhou-civil-affairs-department-clean': [
    { kind: 'pdf', width: 28, page: 28, cells: 'cell-per-line' },
    { kind: 'webtxt' },
    { kind: 'docx' },
  ],
  'c8-luoyang-school-repair-project-clean': [
    { kind: 'pdf', width: 30, page: 30, cells: 'run-together' },
    { kind: 'portal' },
    { kind: 'docx' },
  ],
  'c9-hami-rural-road-transfer-region-clean': [
    { kind: 'pdf', width: 29, page: 29, cells: 'cell-per-line' },
    { kind: 'portal' },
    { kind: 'docx' },
  ],
  'r19-dongcheng-subdistrict-department': [
    { kind: 'pdf', width: 30, page: 28, cells: 'run-together' },
    { kind: 'docx' },
  ],
  'r20-xuhui-hospital-equipment-project': [
    { kind: 'pdf', width: 29, page: 30, cells: 'cell-per-line' },
    { kind: 'html' },
    { kind: 'docx' },
  ],
  'r21-santai-education-department': [
    { kind: 'pdf', width: 31, page: 30, cells: 'run-together' },
    { kind: 'docx' },
  ],
  'r22-feidong-township-department': [
    { kind: 'pdf', width: 28, page: 27, cells: 'cell-per-line' },
    { kind: 'webtxt' },
    { kind: 'docx' },
  ],
  'r23-pingyuan-housing-transfer-region': [
    { kind: 'pdf', width: 30, page: 29, cells: 'run-together' },
    { kind: 'portal' },
    { kind: 'docx' },
  ],
  'r24-qinzhou-high-school-department': [
    { kind: 'pdf', width: 29, page: 28, cells: 'cell-per-line' },
    { kind: 'html' },
    { kind: 'docx' },
  ],
  'c10-yangjing-health-center-department-clean': [
    { kind: 'pdf', width: 30, page: 29, cells: 'run-together' },
    { kind: 'docx' },
  ],
  'c11-kangle-rural-revitalization-transfer-clean': [
    { kind: 'pdf', width: 28, page: 28, cells: 'cell-per-line' },
    { kind: 'html' },
    { kind: 'docx' },
  ],
  'c12-xuancheng-human-resources-department-clean': [
    { kind: 'pdf', width: 31, page: 30, cells: 'cell-per-line' },
    { kind: 'webtxt' },
    { kind: 'docx' },
  ],
  'r25-shizuishan-cdc-department': [
    { kind: 'pdf', width: 30, page: 30, cells: 'run-together' },
    { kind: 'html' },
    { kind: 'docx' },
  ],
  'r26-ledu-rural-water-project': [
    { kind: 'pdf', width: 29, page: 28, cells: 'cell-per-line' },
    { kind: 'portal' },
    { kind: 'docx' },
  ],
  'r27-danzhou-rural-revitalization-transfer-region': [
    { kind: 'pdf', width: 31, page: 29, cells: 'run-together' },
    { kind: 'webtxt' },
    { kind: 'docx' },
  ],
  'r28-hexi-public-security-department': [
    { kind: 'pdf', width: 28, page: 27, cells: 'cell-per-line' },
    { kind: 'docx' },
  ],
  'r29-mudanjiang-normal-university-department': [
    { kind: 'pdf', width: 30, page: 31, cells: 'run-together' },
    { kind: 'html' },
    { kind: 'docx' },
  ],
  'r30-barkhor-subdistrict-department': [
    { kind: 'pdf', width: 29, page: 29, cells: 'cell-per-line' },
    { kind: 'webtxt' },
  ],
  'c13-yining-canal-lining-project-clean': [
    { kind: 'pdf', width: 28, page: 28, cells: 'cell-per-line' },
    { kind: 'html' },
    { kind: 'docx' },
  ],
  'c14-shuangqiao-subdistrict-department-clean': [
    { kind: 'pdf', width: 30, page: 30, cells: 'run-together' },
    { kind: 'webtxt' },
    { kind: 'docx' },
  ],
  'c15-beilin-rural-revitalization-transfer-clean': [
    { kind: 'pdf', width: 29, page: 28, cells: 'cell-per-line' },
    { kind: 'portal' },
  ],
  'r31-tinghu-statistics-department': [
    { kind: 'pdf', width: 30, page: 30, cells: 'run-together' },
    { kind: 'html' },
    { kind: 'docx' },
  ],
  'r32-songshan-grassland-project': [
    { kind: 'pdf', width: 29, page: 28, cells: 'cell-per-line' },
    { kind: 'portal' },
    { kind: 'docx' },
  ],
  'r33-enshi-compulsory-education-transfer-region': [
    { kind: 'pdf', width: 31, page: 29, cells: 'run-together' },
    { kind: 'html' },
    { kind: 'docx' },
  ],
  'r34-changjiang-archives-department': [
    { kind: 'pdf', width: 28, page: 27, cells: 'cell-per-line' },
    { kind: 'html' },
    { kind: 'docx' },
  ],
  'r35-zhanggong-veterans-affairs-department': [
    { kind: 'pdf', width: 30, page: 29, cells: 'run-together' },
    { kind: 'webtxt' },
    { kind: 'docx' },
  ],
  'r36-yanping-heritage-repair-project': [
    { kind: 'pdf', width: 29, page: 30, cells: 'cell-per-line' },
    { kind: 'html' },
    { kind: 'docx' },
  ],
  'c16-lechang-forestry-department-clean': [
    { kind: 'pdf', width: 30, page: 30, cells: 'run-together' },
    { kind: 'webtxt' },
    { kind: 'docx' },
  ],
  'c17-xinyang-agricultural-development-transfer-clean': [
    { kind: 'pdf', width: 29, page: 28, cells: 'cell-per-line' },
    { kind: 'html' },
    { kind: 'docx' },
  ],
  'c18-chencang-library-branch-project-clean': [
    { kind: 'pdf', width: 28, page: 28, cells: 'run-together' },
    { kind: 'portal' },
    { kind: 'docx' },
  ],
  'r37-hanting-audit-department': [
    { kind: 'pdf', width: 30, page: 29, cells: 'run-together' },
    { kind: 'html' },
    { kind: 'docx' },
  ],
  'r38-wuxing-waste-sorting-project': [
    { kind: 'pdf', width: 28, page: 28, cells: 'cell-per-line' },
    { kind: 'portal' },
    { kind: 'docx' },
  ],
  'r39-fuyang-crop-insurance-transfer-region': [
    { kind: 'pdf', width: 31, page: 30, cells: 'run-together' },
    { kind: 'webtxt' },
    { kind: 'docx' },
  ],
  'r40-bijiang-ethnic-affairs-department': [
    { kind: 'pdf', width: 29, page: 28, cells: 'cell-per-line' },
    { kind: 'docx' },
  ],
  'r41-yiling-citrus-project': [
    { kind: 'pdf', width: 30, page: 30, cells: 'run-together' },
    { kind: 'html' },
    { kind: 'docx' },
  ],
  'r42-chuanhui-emergency-management-department': [
    { kind: 'pdf', width: 28, page: 27, cells: 'cell-per-line' },
    { kind: 'webtxt' },
    { kind: 'docx' },
  ],
  'c19-qinzhou-natural-resources-department-clean': [
    { kind: 'pdf', width: 30, page: 30, cells: 'run-together' },
    { kind: 'webtxt' },
    { kind: 'docx' },
  ],
  'c20-jinan-tea-industry-project-clean': [
    { kind: 'pdf', width: 29, page: 28, cells: 'cell-per-line' },
    { kind: 'html' },
    { kind: 'docx' },
  ],
  'c21-yibin-resident-pension-transfer-clean': [
    { kind: 'pdf', width: 28, page: 29, cells: 'run-together' },
    { kind: 'portal' },
    { kind: 'docx' },
  ],
  'r43-liuhe-education-department': [
    { kind: 'pdf', width: 30, page: 30, cells: 'run-together' },
    { kind: 'docx' },
  ],
  'r44-luzhou-public-health-project': [
    { kind: 'pdf', width: 28, page: 27, cells: 'cell-per-line' },
    { kind: 'html' },
    { kind: 'docx' },
  ],
  'r45-midu-agriculture-department': [
    { kind: 'pdf', width: 31, page: 29, cells: 'run-together' },
    { kind: 'webtxt' },
  ],
  'r46-sheyang-civil-affairs-department': [
    { kind: 'pdf', width: 29, page: 28, cells: 'cell-per-line' },
    { kind: 'docx' },
  ],
  'r47-fucheng-home-care-project': [
    { kind: 'pdf', width: 30, page: 31, cells: 'run-together' },
    { kind: 'portal' },
  ],
  'r48-meitan-culture-tourism-department': [
    { kind: 'pdf', width: 28, page: 28, cells: 'cell-per-line' },
    { kind: 'docx' },
  ],
  'c22-lixian-water-resources-department-clean': [
    { kind: 'pdf', width: 30, page: 29, cells: 'run-together' },
    { kind: 'docx' },
  ],
  'c23-longhai-rural-sewage-project-clean': [
    { kind: 'pdf', width: 29, page: 27, cells: 'cell-per-line' },
    { kind: 'html' },
    { kind: 'docx' },
  ],
  'c24-ganzhou-transport-department-clean': [
    { kind: 'pdf', width: 31, page: 30, cells: 'run-together' },
    { kind: 'webtxt' },
  ],
  'r49-gucheng-education-department': [
    { kind: 'pdf', width: 30, page: 29, cells: 'run-together' },
    { kind: 'docx' },
  ],
  'r50-fuzhou-reservoir-project': [
    { kind: 'pdf', width: 29, page: 28, cells: 'cell-per-line' },
    { kind: 'html' },
    { kind: 'docx' },
  ],
  'r51-yufeng-housing-department': [
    { kind: 'pdf', width: 28, page: 27, cells: 'cell-per-line' },
    { kind: 'webtxt' },
  ],
  'r52-sanya-tourism-culture-department': [
    { kind: 'pdf', width: 31, page: 30, cells: 'run-together' },
    { kind: 'docx' },
  ],
  'r53-manas-farmland-subsidy-transfer-region': [
    { kind: 'pdf', width: 29, page: 29, cells: 'cell-per-line' },
    { kind: 'html' },
    { kind: 'docx' },
  ],
  'r54-minhang-family-doctor-project': [
    { kind: 'pdf', width: 30, page: 30, cells: 'run-together' },
    { kind: 'html' },
  ],
  'r55-aluke-forestry-grassland-department': [
    { kind: 'pdf', width: 30, page: 29, cells: 'run-together' },
    { kind: 'docx' },
  ],
  'r56-huining-rural-revitalization-project': [
    { kind: 'pdf', width: 29, page: 28, cells: 'cell-per-line' },
    { kind: 'html' },
  ],
  'r57-zhangzhou-fishing-port-third-party-project': [
    { kind: 'pdf', width: 31, page: 30, cells: 'run-together' },
    { kind: 'html' },
    { kind: 'docx' },
  ],
  'r58-heping-veterans-affairs-department': [
    { kind: 'pdf', width: 28, page: 27, cells: 'cell-per-line' },
    { kind: 'webtxt' },
  ],
  'r59-bishan-education-commission-department': [
    { kind: 'pdf', width: 30, page: 28, cells: 'run-together' },
    { kind: 'docx' },
  ],
  'r60-taizhou-river-improvement-project': [
    { kind: 'pdf', width: 29, page: 27, cells: 'cell-per-line' },
    { kind: 'html' },
  ],
  'r61-hongxinglong-crop-rotation-transfer-region': [
    { kind: 'pdf', width: 31, page: 29, cells: 'run-together' },
    { kind: 'webtxt' },
  ],
  'r62-zibo-hospital-equipment-third-party-project': [
    { kind: 'pdf', width: 28, page: 28, cells: 'cell-per-line' },
    { kind: 'portal' },
    { kind: 'docx' },
  ],
  'c25-nankai-city-management-department-clean': [
    { kind: 'pdf', width: 28, page: 28, cells: 'cell-per-line' },
    { kind: 'docx' },
  ],
  'c26-longxi-subdistrict-department-clean': [
    { kind: 'pdf', width: 30, page: 29, cells: 'run-together' },
    { kind: 'webtxt' },
  ],
  'c27-jiamusi-university-discipline-project-clean': [
    { kind: 'pdf', width: 29, page: 28, cells: 'cell-per-line' },
    { kind: 'html' },
    { kind: 'docx' },
  ],
  'c28-yinchuan-traffic-safety-project-clean': [
    { kind: 'pdf', width: 30, page: 28, cells: 'run-together' },
    { kind: 'html' },
  ],
  'c29-changchun-university-reform-transfer-clean': [
    { kind: 'pdf', width: 29, page: 29, cells: 'cell-per-line' },
    { kind: 'docx' },
  ],
  'c30-guide-agriculture-science-department-clean': [
    { kind: 'pdf', width: 29, page: 28, cells: 'cell-per-line' },
    { kind: 'docx' },
  ],
  'c31-guicheng-subdistrict-purchased-services-department-clean': [
    { kind: 'pdf', width: 30, page: 29, cells: 'run-together' },
    { kind: 'webtxt' },
  ],
  'r63-yanji-procuratorate-department': [
    { kind: 'pdf', width: 30, page: 28, cells: 'run-together' },
    { kind: 'docx' },
  ],
  'r64-qiannan-meteorology-project': [
    { kind: 'pdf', width: 29, page: 27, cells: 'run-together' },
    { kind: 'html' },
  ],
  'r65-pingxiang-forestry-department': [
    { kind: 'pdf', width: 31, page: 29, cells: 'cell-per-line' },
    { kind: 'webtxt' },
    { kind: 'docx' },
  ],
  'r66-xigaze-disabled-persons-project': [
    { kind: 'pdf', width: 28, page: 26, cells: 'cell-per-line' },
    { kind: 'webtxt' },
  ],
  'c32-xining-no14-middle-school-department-clean': [
    { kind: 'pdf', width: 30, page: 29, cells: 'run-together' },
    { kind: 'docx' },
  ],
  'c33-wucheng-community-health-center-project-clean': [
    { kind: 'pdf', width: 28, page: 27, cells: 'run-together' },
    { kind: 'portal' },
  ],
  'r67-guangxi-sports-bureau-department': [
    { kind: 'pdf', width: 30, page: 29, cells: 'cell-per-line' },
    { kind: 'docx' },
  ],
  'r68-heshan-student-aid-project': [
    { kind: 'pdf', width: 28, page: 27, cells: 'cell-per-line' },
    { kind: 'html' },
    { kind: 'docx' },
  ],
  'r69-hanzhong-employment-subsidy-transfer-region': [
    { kind: 'pdf', width: 31, page: 30, cells: 'run-together' },
    { kind: 'webtxt' },
  ],
  'r70-dawei-mountain-township-department': [
    { kind: 'pdf', width: 29, page: 28, cells: 'run-together' },
    { kind: 'docx' },
  ],
  'c34-hohhot-civil-air-defense-department-clean': [
    { kind: 'pdf', width: 29, page: 28, cells: 'cell-per-line' },
    { kind: 'docx' },
  ],
  'c35-shaxian-legal-aid-project-clean': [
    { kind: 'pdf', width: 30, page: 29, cells: 'run-together' },
    { kind: 'portal' },
  ],
  'r71-linxia-commerce-bureau-department': [
    { kind: 'pdf', width: 30, page: 29, cells: 'cell-per-line' },
    { kind: 'docx' },
  ],
  'r72-weixian-bus-subsidy-project': [
    { kind: 'pdf', width: 28, page: 27, cells: 'run-together' },
    { kind: 'html' },
    { kind: 'docx' },
  ],
  'r73-huanggang-family-planning-transfer-region': [
    { kind: 'pdf', width: 31, page: 30, cells: 'cell-per-line' },
    { kind: 'webtxt' },
  ],
  'r74-puyang-vocational-college-department': [
    { kind: 'pdf', width: 29, page: 28, cells: 'run-together' },
    { kind: 'docx' },
  ],
  'c36-zhanjiang-housing-fund-department-clean': [
    { kind: 'pdf', width: 30, page: 29, cells: 'run-together' },
    { kind: 'docx' },
  ],
  'c37-wenchuan-geohazard-project-clean': [
    { kind: 'pdf', width: 28, page: 27, cells: 'cell-per-line' },
    { kind: 'portal' },
  ],
};

type Block =
  | { kind: 'title'; text: string }
  | { kind: 'break' }
  | { kind: 'para'; text: string }
  | { kind: 'table'; rows: string[][] };

function parse(source: string): Block[] {
  const blocks: Block[] = [];
  for (const line of source.split('\n')) {
    if (line.trim() === '') continue;
    if (line.trim() === '---') blocks.push({ kind: 'break' });
    else if (line.startsWith('|')) {
      const row = line.slice(1).split('|');
      const last = blocks.at(-1);
      if (last?.kind === 'table') last.rows.push(row);
      else blocks.push({ kind: 'table', rows: [row] });
    } else if (line.startsWith('# ')) blocks.push({ kind: 'title', text: line.slice(2) });
    else blocks.push({ kind: 'para', text: line });
  }
  return blocks;
}

const width = (ch: string): number => (ch.charCodeAt(0) < 0x80 ? 0.5 : 1);

/** Breaks a paragraph into lines of at most `max`, never inside a run of ASCII (a figure). */
function wrap(text: string, max: number): string[] {
  const pieces = text.match(/[\x21-\x7e]+|[\s\S]/g) ?? [];
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const p of pieces) {
    const w = [...p].reduce((s, c) => s + width(c), 0);
    // Closing marks hang on the line they end, as a typesetter keeps them.
    if (used + w > max && line !== '' && !/^[，。、；：）》”]$/.test(p)) {
      lines.push(line);
      line = '';
      used = 0;
    }
    line += p;
    used += w;
  }
  if (line !== '') lines.push(line);
  return lines;
}

function renderPdf(blocks: Block[], form: PdfForm): string {
  // A page is a list of lines; an attachment label ("附件", "附件2") opens a new page.
  const pages: string[][] = [[]];
  const body = {
    push(...lines: string[]): void {
      for (const line of lines) {
        let page = pages.at(-1) ?? [];
        if (page.length >= form.page) pages.push((page = []));
        page.push(line);
      }
    },
  };
  for (const b of blocks) {
    if (b.kind === 'title') body.push(...wrap(b.text, 20), '');
    else if (b.kind === 'break') {
      if ((pages.at(-1) ?? []).length > 0) pages.push([]);
    } else if (b.kind === 'para' && /^附件\d*$/.test(b.text)) {
      if ((pages.at(-1) ?? []).length > 0) pages.push([]);
      body.push(b.text);
    } else if (b.kind === 'para') body.push(...wrap(b.text, form.width));
    else {
      for (const row of b.rows) {
        const cells = row.map((c) => c.trim()).filter((c) => c !== '' && c !== '^' && c !== '<');
        const joined = cells.join(' ');
        if (form.cells === 'run-together' && [...joined].length <= 60) body.push(joined);
        else for (const c of cells) body.push(...wrap(c, 24));
      }
    }
  }
  const out = pages.flatMap((lines, i) => [...lines, '', `— ${i + 1} —`, '']);
  return `${out.join('\n')}\n`;
}

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function renderTable(rows: string[][]): string {
  const out = [
    '<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse">',
  ];
  rows.forEach((row, r) => {
    out.push('<tr>');
    row.forEach((cell, c) => {
      if (cell === '^' || cell === '<') return;
      let rowSpan = 1;
      while (rows[r + rowSpan]?.[c] === '^') rowSpan++;
      let colSpan = 1;
      while (row[c + colSpan] === '<') colSpan++;
      const attrs =
        (rowSpan > 1 ? ` rowspan="${rowSpan}"` : '') + (colSpan > 1 ? ` colspan="${colSpan}"` : '');
      out.push(`<td${attrs}>${esc(cell)}</td>`);
    });
    out.push('</tr>');
  });
  out.push('</table>');
  return out.join('');
}

function renderHtml(blocks: Block[]): string {
  const out = [
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>自评报告</title></head><body>',
  ];
  for (const b of blocks) {
    if (b.kind === 'title') out.push(`<p style="text-align:center"><b>${esc(b.text)}</b></p>`);
    else if (b.kind === 'para') out.push(`<p>${esc(b.text)}</p>`);
    else if (b.kind === 'break') out.push('<p style="page-break-before:always"></p>');
    else out.push(renderTable(b.rows));
  }
  out.push('</body></html>');
  return out.join('\n');
}

/** The unit a title names, before its year: the 来源 of the portal page. */
const unitOf = (blocks: Block[]): string => {
  const title = blocks.find((b) => b.kind === 'title');
  return title?.kind === 'title' ? title.text.replace(/\d{4}年度?.*$/, '') : '';
};

const NAV = ['首页', '机构概况', '政务公开', '政务服务', '互动交流', '专题专栏'];
const FOOTER = (unit: string): string[] => [
  `主办单位：${unit}人民政府办公室\u3000\u3000承办单位：${unit}大数据中心`,
  `版权所有：${unit}人民政府\u3000\u3000网站标识码：4513000012\u3000\u3000ICP备案号：ICP备05002871号`,
];

function renderPortal(blocks: Block[]): string {
  const unit = unitOf(blocks);
  const body = renderHtml(blocks)
    .replace(/^[\s\S]*?<body>\n/, '')
    .replace(/\n<\/body><\/html>$/, '');
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>政务公开</title></head><body>',
    `<div class="nav">${NAV.map((n) => `<a href="#">${n}</a>`).join(' | ')}</div>`,
    '<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 财政预决算 &gt; 绩效评价</div>',
    `<div class="info">发布时间：2025-05-26 10:12\u3000来源：${esc(unit)}\u3000浏览次数：316\u3000字号：<a>大</a> <a>中</a> <a>小</a></div>`,
    body,
    '<div class="tools"><a>打印本页</a> <a>关闭窗口</a></div>',
    ...FOOTER(unit).map((line) => `<div class="footer">${esc(line)}</div>`),
    '</body></html>',
  ].join('\n');
}

function renderWebText(blocks: Block[]): string {
  const unit = unitOf(blocks);
  const out = [NAV.join('\n'), '当前位置：首页 > 政务公开 > 财政预决算 > 绩效评价', ''];
  for (const b of blocks) {
    if (b.kind === 'title') {
      out.push(
        b.text,
        `发布时间：2025-05-26 10:12\u3000来源：${unit}\u3000浏览次数：316`,
        '【字号：大 中 小】',
        '',
      );
    } else if (b.kind === 'para') out.push(b.text);
    else if (b.kind === 'break') out.push('');
    else {
      for (const row of b.rows) {
        out.push(row.filter((c) => c !== '^' && c !== '<').join('\t'));
      }
    }
  }
  out.push('', '【打印本页】【关闭窗口】', '', ...FOOTER(unit));
  return `${out.join('\n')}\n`;
}

function toDocx(html: string, name: string): void {
  const tmp = mkdtempSync(join(tmpdir(), 'invented-reports-'));
  try {
    writeFileSync(join(tmp, `${name}.html`), html);
    execFileSync('soffice', [
      '--headless',
      '--convert-to',
      'docx:MS Word 2007 XML',
      '--outdir',
      tmp,
      join(tmp, `${name}.html`),
    ]);
    renameSync(join(tmp, `${name}.docx`), join(dir, `${name}.docx`));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// Names given on the command line render only those reports (the others keep their bytes).
const only = process.argv.slice(2);
for (const file of readdirSync(join(dir, 'src'))) {
  const name = file.replace(/\.md$/, '');
  if (only.length > 0 && !only.includes(name)) continue;
  const forms = FORMS[name];
  if (!forms) throw new Error(`no forms listed for ${file}`);
  const blocks = parse(readFileSync(join(dir, 'src', file), 'utf8'));
  for (const form of forms) {
    if (form.kind === 'pdf') writeFileSync(join(dir, `${name}.pdf.txt`), renderPdf(blocks, form));
    else if (form.kind === 'html') writeFileSync(join(dir, `${name}.html`), renderHtml(blocks));
    else if (form.kind === 'portal') writeFileSync(join(dir, `${name}.html`), renderPortal(blocks));
    else if (form.kind === 'webtxt')
      writeFileSync(join(dir, `${name}.web.txt`), renderWebText(blocks));
    else toDocx(renderHtml(blocks), name);
  }
}

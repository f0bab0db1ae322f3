// Benchmark, PDF cases: the full audit of a 20-page report printed to PDF by LibreOffice against
// pdfjs-dist's bare getTextContent over the same pages (the baseline; target: within 2×) and
// against `pdftotext -layout` (poppler, an external floor, process start included), in the same
// run; then OCR pages a second on one core, next to the tesseract CLI on the same pages.
// Run: npx tsx bench/audit.ts --pdf (needs soffice, pdftoppm, pdftotext, tesseract + chi_sim)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DepartmentEvaluation } from '@jixiao/domain';
import type { Chapter } from '@jixiao/domain';
import { renderReportDocx } from '@jixiao/documents';
import { auditReport, recognisePdfPages } from '@jixiao/services/audit';
import {
  imageOnlyPdf,
  installed,
  libreOfficeConvert,
  pdfToJpegs,
} from '../packages/services/src/read/testing/office-fixtures.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_RATIO = 2;

if (!installed('soffice') || !installed('pdftotext', ['-v'])) {
  console.log('（未安装 LibreOffice 或 poppler-utils，跳过 PDF 基准）');
  process.exit(0);
}

const base = DepartmentEvaluation.parse(
  JSON.parse(
    readFileSync(path.join(root, 'fixtures/evaluations/clean-hunan-department.json'), 'utf8'),
  ),
);
const paragraph = (c: number, i: number): string =>
  `第${c + 1}部分第${i + 1}项：全年围绕主责主业开展数据质量抽查${12 + i * 3 + c}次，完成入户登记${340 + i * 17 + c * 5}户，` +
  `审核数据${1200 + i * 41 + c}条，报送分析报告${5 + i + c}篇，相关经费${(12.5 + i * 1.25 + c).toFixed(2)}万元严格按预算执行，` +
  `支出审批手续完备，群众满意度${(95 + ((i + c) % 5) * 0.5).toFixed(1)}%，较上年提高${(0.3 + i * 0.1).toFixed(1)}个百分点。`;
const chapters: Chapter[] = (
  ['overview', 'budget', 'performance', 'problems', 'improvements'] as const
).map((key, c) => ({ key, paragraphs: Array.from({ length: 12 }, (_, i) => paragraph(c, i)) }));
const dir = mkdtempSync(path.join(tmpdir(), 'jixiao-bench-pdf-'));
const docxFile = path.join(dir, 'report.docx');
writeFileSync(
  docxFile,
  await renderReportDocx({ ...base, chapters }, undefined, { figures: 'stated' }),
);
const [pdfFile = ''] = libreOfficeConvert([docxFile], 'pdf', dir, dir);
const pdf = new Uint8Array(readFileSync(pdfFile));
const pages = Number(
  /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' }))?.[1] ?? 0,
);
console.log(`PDF：${(pdf.length / 1024).toFixed(0)} KB，${pages} 页（LibreOffice 打印生成的报告）`);

const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');

/** pdfjs-dist alone: open the document and take every page's text content. */
async function bareText(bytes: Uint8Array): Promise<number> {
  const doc = await pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  let items = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    items += (await page.getTextContent()).items.length;
    page.cleanup();
  }
  await doc.destroy();
  return items;
}

const timed = async (run: () => unknown): Promise<number> => {
  const start = performance.now();
  await run();
  return performance.now() - start;
};
const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

// Warm both up, then alternate so that the machine's load hits both alike.
const check = await auditReport(pdf, 'report.pdf');
if (!check.ok) throw new Error(check.error);
for (let i = 0; i < 3; i++) {
  await auditReport(pdf, 'report.pdf');
  await bareText(pdf);
}
const full: number[] = [];
const bare: number[] = [];
const poppler: number[] = [];
for (let round = 0; round < 9; round++) {
  full.push(await timed(() => auditReport(pdf, 'report.pdf')));
  bare.push(await timed(() => bareText(pdf)));
  poppler.push(
    await timed(() => execFileSync('pdftotext', ['-layout', pdfFile, '-'], { maxBuffer: 1 << 26 })),
  );
}
const ratio = median(full.map((f, i) => f / (bare[i] ?? 1)));
console.log(
  `  完整审核 auditReport（读取+版面+提取+评分+检查）  ${median(full).toFixed(1).padStart(8)} ms/份`,
);
console.log(
  `  pdfjs-dist getTextContent（同样的页）           ${median(bare).toFixed(1).padStart(8)} ms/份`,
);
console.log(
  `  pdftotext -layout（含进程启动）                 ${median(poppler).toFixed(1).padStart(8)} ms/份`,
);
console.log(
  `  倍数：完整审核 / pdfjs 纯文本 = ${ratio.toFixed(2)}×（目标 ≤ ${TARGET_RATIO}×）${ratio <= TARGET_RATIO ? '' : '  未达标'}；` +
    ` / pdftotext = ${(median(full) / median(poppler)).toFixed(2)}×`,
);

if (installed('tesseract', ['--list-langs'])) {
  // OCR: the first four pages as a 300 dpi scan, on one core, next to the tesseract CLI alone on
  // the same pages (rendered once beforehand, so the CLI is timed on recognition only).
  const jpegs = pdfToJpegs(pdfFile, 300, path.join(dir, 'scan'), [1, 4]);
  const scan = imageOnlyPdf(jpegs, 300);
  const requests = jpegs.map((_, i) => ({ number: i + 1, width: 595.3, height: 841.9 }));
  const ours = await timed(() => recognisePdfPages(scan, requests, { parallel: 1 }));
  const cli = await timed(() => {
    for (const jpeg of jpegs) {
      execFileSync('tesseract', [jpeg, '-', '-l', 'chi_sim+eng', '--psm', '6', 'tsv'], {
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
        stdio: ['ignore', 'ignore', 'ignore'],
      });
    }
  });
  const n = jpegs.length;
  console.log(`OCR（${n} 页，300 dpi，单核）`);
  console.log(
    `  recognisePdfPages（渲染+去表格线+识别）  ${((n * 1000) / ours).toFixed(3).padStart(8)} 页/秒/核`,
  );
  console.log(
    `  tesseract 命令行（仅识别）              ${((n * 1000) / cli).toFixed(3).padStart(8)} 页/秒/核`,
  );
  console.log(
    `  倍数：recognisePdfPages 用时为 tesseract 命令行的 ${(ours / cli).toFixed(2)}×（含渲染页面和去表格线）`,
  );
} else console.log('（未安装 tesseract，跳过 OCR 基准）');

rmSync(dir, { recursive: true, force: true });

import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { scoreEvaluation } from '@jixiao/domain';
import { renderProjectDocx, renderReportDocx } from '@jixiao/documents';
import { findRulebook } from '@jixiao/services/rulebooks';
import type { CliIo } from '../cli-io.ts';
import type { Command } from '../command.ts';
import { EXIT_OK, EXIT_USAGE, parseCommandArgs } from '../command.ts';
import { loadEvaluationAndRulebook } from '../input/load-input.ts';
import {
  attachmentPages,
  docxToPdf,
  pdfPages,
  pdfToPngs,
  previewToolsAvailable,
  previewWorkspace,
} from '../preview/pdf-tools.ts';

const USAGE = `用法：jixiao preview <自评文件.json> [--out 目录] [--dpi 60] [--docs 目录]

生成报告 .docx，用 LibreOffice 转为 PDF，再用 pdftoppm 逐页转为 PNG，便于查看版式。
公文字体（方正小标宋简体、仿宋_GB2312、黑体、楷体_GB2312、宋体）在预览时映射为 Noto CJK SC。

选项：
  --out DIR    输出目录，默认为“<文件名>-preview”
  --dpi N      PNG 分辨率，默认 60
  --docs DIR   另存首页和每个附件首页为 report-page1.png、attachment1.png …
  -h, --help   显示本说明

需要 soffice（libreoffice-writer-nogui）、pdftoppm（poppler-utils）和 fonts-noto-cjk。
退出码：0 成功；2 参数、文件或工具有误。`;

export const previewCommand: Command = {
  name: 'preview',
  summary: '生成报告并转为 PDF 和 PNG 预览',
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseCommandArgs(
      args,
      {
        usage: USAGE,
        options: {
          out: { type: 'string' },
          dpi: { type: 'string', default: '60' },
          docs: { type: 'string' },
        },
        positionals: { min: 1, max: 1 },
      },
      io,
    );
    if (typeof parsed === 'number') return parsed;
    const dpi = Number(parsed.values.dpi);
    if (!Number.isInteger(dpi) || dpi < 20 || dpi > 600) {
      io.stderr(`--dpi 须为 20 到 600 之间的整数\n`);
      return EXIT_USAGE;
    }
    if (!(await previewToolsAvailable())) {
      io.stderr(
        '未找到 soffice 或 pdftoppm：请安装 libreoffice-writer-nogui、poppler-utils 和 fonts-noto-cjk。\n',
      );
      return EXIT_USAGE;
    }
    const file = parsed.positionals[0] ?? '';
    const loaded = await loadEvaluationAndRulebook(io, file, undefined);
    if (typeof loaded === 'number') return loaded;
    const { evaluation, rulebook } = loaded;
    const sheet = scoreEvaluation(evaluation, rulebook);
    const bytes =
      evaluation.kind === 'department'
        ? await renderReportDocx(evaluation, sheet, {
            projectScoreSheets: evaluation.projectEvaluations.map((p) => {
              const book = findRulebook(p.rulebookId);
              return book ? scoreEvaluation(p, book) : undefined;
            }),
          })
        : await renderProjectDocx(evaluation, sheet);

    const name = path.basename(file).replace(/\.json$/i, '');
    const outDir = path.resolve(
      io.cwd,
      typeof parsed.values.out === 'string' ? parsed.values.out : `${name}-preview`,
    );
    await mkdir(outDir, { recursive: true });
    const docx = path.join(outDir, `${name}.docx`);
    await writeFile(docx, bytes);
    const ws = await previewWorkspace();
    try {
      const pdf = await docxToPdf(docx, outDir, ws.dir, ws.env);
      const pngs = await pdfToPngs(pdf, path.join(outDir, 'page'), dpi);
      io.stdout(
        `报告：${docx}\nPDF：${pdf}（${pngs.length} 页）\nPNG：${path.join(outDir, 'page-*.png')}\n`,
      );
      if (typeof parsed.values.docs === 'string') {
        const docsDir = path.resolve(io.cwd, parsed.values.docs);
        await mkdir(docsDir, { recursive: true });
        const wanted = [
          { file: 'report-page1.png', page: 1 },
          ...attachmentPages(await pdfPages(pdf)).map((a) => ({
            file: `attachment${a.label}.png`,
            page: a.page,
          })),
        ];
        for (const w of wanted) {
          const source = pngs[w.page - 1];
          if (!source) continue;
          await copyFile(source, path.join(docsDir, w.file));
          io.stdout(`已保存：${path.join(docsDir, w.file)}（第 ${w.page} 页）\n`);
        }
      }
    } catch (error) {
      io.stderr(`转换失败：${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT_USAGE;
    } finally {
      await ws.dispose();
    }
    return EXIT_OK;
  },
};

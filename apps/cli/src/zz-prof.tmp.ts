import {
  generatedEvaluation,
  statedScoreSheet,
} from '../../../packages/documents/src/write/test-support.ts';
import { departmentReportBlocks } from '../../../packages/documents/src/write/department-report.ts';
import { blocksToDocx } from '../../../packages/documents/src/write/docx-writer.ts';
import { resolveOptions } from '../../../packages/documents/src/write/options.ts';
import { blockTexts } from '../../../packages/documents/src/write/model.ts';
import { Document, Packer, Paragraph, TextRun } from 'docx';
for (const [n, p] of [
  [250, 50],
  [1000, 200],
] as const) {
  const e = generatedEvaluation(n, p);
  const o = resolveOptions();
  let t = performance.now();
  const blocks = departmentReportBlocks(e, statedScoreSheet(e), o);
  const tb = performance.now() - t;
  t = performance.now();
  await blocksToDocx(blocks, o);
  const td = performance.now() - t;
  t = performance.now();
  const texts = blockTexts(blocks);
  await Packer.toBuffer(
    new Document({
      sections: [{ children: texts.map((x) => new Paragraph({ children: [new TextRun(x)] })) }],
    }),
  );
  const tf = performance.now() - t;
  console.log(n, p, texts.length, { tb, td, tf });
}

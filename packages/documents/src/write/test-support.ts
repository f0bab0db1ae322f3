import JSZip from 'jszip';
import { amount, sumPoints } from '@jixiao/domain';
import type {
  DepartmentEvaluation,
  Evaluation,
  IndicatorNode,
  ProjectEvaluation,
  ScoreNode,
  ScoreSheet,
} from '@jixiao/domain';

/**
 * Helpers for the writer's tests and benchmark: a score sheet that repeats the stated figures,
 * a generated evaluation of any size, and the XML parts of a .docx.
 */

/** A score sheet whose computed figures are the stated ones (what a consistent report states). */
export function statedScoreSheet(e: Evaluation): ScoreSheet {
  const nodes: ScoreNode[] = [];
  const walk = (list: readonly IndicatorNode[], prefix: string, level: number): number[] =>
    list.map((n, i) => {
      const path = `${prefix}[${i}]`;
      const childScores = walk(n.children ?? [], `${path}.children`, level + 1);
      const score = n.score ?? (childScores.length > 0 ? sumPoints(childScores) : 0);
      nodes.push({
        path,
        name: n.name,
        level,
        isLeaf: !n.children || n.children.length === 0,
        ...(n.weight !== undefined ? { weight: n.weight, statedWeight: n.weight } : {}),
        ...(n.score !== undefined ? { statedScore: n.score } : {}),
        computedScore: score,
        reasonRequired: false,
        reasonGiven: n.deviationReason !== undefined,
        notAssessed: n.notAssessed ?? false,
        notes: [],
      });
      return score;
    });
  const top = walk(e.indicators, 'indicators', 1);
  const treeTotal = sumPoints(top);
  const total = e.stated.total ?? treeTotal;
  return {
    rulebookId: e.rulebookId,
    nodes,
    treeTotal,
    bonus: 0,
    penalty: 0,
    total,
    capsApplied: [],
    grade: total >= 90 ? '优' : total >= 80 ? '良' : total >= 60 ? '中' : '差',
    ...(e.stated.total !== undefined ? { statedTotal: e.stated.total } : {}),
  };
}

/** Leaves of a generated tree: weights 1 each, scores 1 or 0.5, targets and actuals as text. */
function generatedIndicators(leafCount: number, prefix: string): IndicatorNode[] {
  const groups: IndicatorNode[] = [];
  const perGroup = 25;
  for (let g = 0; g * perGroup < leafCount; g++) {
    const leaves: IndicatorNode[] = [];
    for (let i = g * perGroup; i < Math.min(leafCount, (g + 1) * perGroup); i++) {
      leaves.push({
        name: `${prefix}指标${i + 1}`,
        weight: 1,
        score: i % 7 === 0 ? 0.5 : 1,
        target: {
          kind: 'quantity',
          text: `≥${i + 10}次`,
          value: i + 10,
          unit: '次',
          comparator: '>=',
        },
        actual: { kind: 'quantity', text: `${i + 11}次`, value: i + 11, unit: '次' },
        evidence: `全年完成${prefix}指标${i + 1}相关工作${i + 11}次，达到年度目标。`,
        ...(i % 7 === 0 ? { deviationReason: '部分工作受客观因素影响延后。' } : {}),
      });
    }
    groups.push({ name: `二级指标${g + 1}`, children: leaves });
  }
  const perTop = 4;
  const top: IndicatorNode[] = [];
  for (let t = 0; t * perTop < groups.length; t++)
    top.push({ name: `一级指标${t + 1}`, children: groups.slice(t * perTop, (t + 1) * perTop) });
  return top;
}

/** A department evaluation with `indicatorCount` leaves and `projectCount` attached projects. */
export function generatedEvaluation(
  indicatorCount: number,
  projectCount: number,
): DepartmentEvaluation {
  const wan = (n: number) => amount(n.toFixed(2), '万元');
  const projects: ProjectEvaluation[] = [];
  for (let p = 0; p < projectCount; p++) {
    projects.push({
      schemaVersion: 1,
      kind: 'project',
      rulebookId: 'central-project',
      projectName: `专项项目${p + 1}`,
      meta: { unitName: '示例局', year: 2024, legalBasis: [], amountUnit: '万元' },
      funds: { total: { budget: wan(100 + p), executed: wan(90 + p), weight: 10, statedScore: 9 } },
      goals: [{ expected: `完成专项项目${p + 1}年度任务。`, actual: '已完成。' }],
      indicators: generatedIndicators(5, `项目${p + 1}`),
      adjustments: [],
      stated: {},
      chapters: [],
      outline: [],
    });
  }
  return {
    schemaVersion: 1,
    kind: 'department',
    rulebookId: 'hunan-department',
    meta: {
      unitName: '示例局',
      year: 2024,
      legalBasis: ['中华人民共和国预算法'],
      amountUnit: '万元',
    },
    funds: { total: { budget: wan(5000), executed: wan(4900.5), weight: 10, statedScore: 9.8 } },
    goals: [{ expected: '保障机关运转，完成年度重点工作。', actual: '全面完成。' }],
    indicators: generatedIndicators(indicatorCount, ''),
    adjustments: [],
    stated: {},
    chapters: [{ key: 'problems', paragraphs: ['绩效目标设置仍需细化。'] }],
    outline: [],
    duties: ['负责示例工作。'],
    internalUnits: ['办公室'],
    subordinateUnits: [],
    staffing: { authorized: 20, actual: 18, categories: [] },
    basicExpenditure: { budget: wan(3000), actual: wan(2990.25) },
    projectExpenditure: {
      budget: wan(2000),
      actual: wan(1910.25),
      projects: projects.map((p, i) => ({ name: p.projectName, actual: wan(90 + i) })),
    },
    projectEvaluations: projects,
  };
}

/** The main XML parts of a .docx. */
export async function docxParts(
  bytes: Uint8Array,
): Promise<{ document: string; styles: string; settings: string; footers: string[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const footerNames = Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n));
  return {
    document: await text('word/document.xml'),
    styles: await text('word/styles.xml'),
    settings: await text('word/settings.xml'),
    footers: await Promise.all(footerNames.map(text)),
  };
}

/** The visible text of an XML fragment: its w:t runs joined. */
export function xmlText(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)) out += m[1] ?? '';
  return out
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Top-level paragraphs (outside tables) with their style id and text. */
export function bodyParagraphs(documentXml: string): { style: string; text: string }[] {
  const withoutTables = documentXml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  return [...withoutTables.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1] ?? '',
    text: xmlText(m[0]),
  }));
}

export interface XmlCell {
  text: string;
  gridSpan: number;
  vMerge: 'restart' | 'continue' | undefined;
}

/** Tables in document order, as rows of cells with their merge attributes. */
export function tables(documentXml: string): { header: boolean[]; rows: XmlCell[][] }[] {
  return [...documentXml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) => {
    const rows = [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)];
    return {
      header: rows.map((r) => r[0].includes('<w:tblHeader')),
      rows: rows.map((r) =>
        [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c): XmlCell => {
          const span = /<w:gridSpan w:val="(\d+)"/.exec(c[0]);
          const vm = /<w:vMerge(?: w:val="(\w+)")?\/>/.exec(c[0]);
          return {
            text: xmlText(c[0]),
            gridSpan: span ? Number(span[1]) : 1,
            vMerge: vm ? (vm[1] === 'restart' ? 'restart' : 'continue') : undefined,
          };
        }),
      ),
    };
  });
}

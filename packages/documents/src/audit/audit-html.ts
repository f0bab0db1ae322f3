import { CATEGORY_LABELS_ZH, checkName, noFindingsSaid } from '@jixiao/domain';
import type { AuditFinding, FileAudit } from './audit-types.ts';
import { rulebookLabel } from './audit-types.ts';

/** Pictures of the original pages for one file's findings (PNG bytes, one per finding or none). */
export interface FindingPictures {
  pictures: readonly (Uint8Array | undefined)[];
  /** Why some findings have no picture, in Chinese. */
  note?: string;
}

const SEVERITY_ZH = { error: '错误', warning: '警告', info: '提示' } as const;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The excerpt with the stated figure marked, so a reader sees at once what is wrong. */
function highlighted(f: AuditFinding): string {
  const excerpt = f.excerpt ?? '';
  const stated = f.stated ?? '';
  const at = stated === '' ? -1 : excerpt.indexOf(stated);
  if (at < 0) return escapeHtml(excerpt);
  return `${escapeHtml(excerpt.slice(0, at))}<mark>${escapeHtml(stated)}</mark>${escapeHtml(excerpt.slice(at + stated.length))}`;
}

const STYLE = `body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
h1{font-size:1.4em}h2{font-size:1.1em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;margin:.5em 0}td,th{border:1px solid #ddd;padding:4px 6px;vertical-align:top;font-size:.9em}
th{background:#f4f4f4;text-align:left}mark{background:#ffe08a;padding:0 2px}
.page img{display:block;max-width:100%;margin-top:4px;border:1px solid #ccc}.page span{color:#555;font-size:.85em}
.error{color:#b00020}.warning{color:#a15c00}.info{color:#555}.bad{color:#b00020;font-weight:bold}`;

/** The finding's page and, when drawn, the picture of its place (embedded as a data: URI). */
function place(f: AuditFinding, picture: Uint8Array | undefined): string {
  if (f.page === undefined) return '';
  const head = `<span>第 ${f.page} 页</span>`;
  if (!picture) return `<div class="page">${head}</div>`;
  const src = `data:image/png;base64,${Buffer.from(picture.buffer, picture.byteOffset, picture.byteLength).toString('base64')}`;
  return `<div class="page">${head}<img alt="第 ${f.page} 页原文，问题所在处以红框标出" src="${src}"></div>`;
}

/**
 * One self-contained page: the summary table, then each file's findings with excerpts
 * highlighted and, where `pictures` gives them, the original page around each finding.
 */
export function auditHtml(
  files: readonly FileAudit[],
  title = '绩效自评报告审核结果',
  pictures: ReadonlyMap<number, FindingPictures> = new Map(),
): string {
  const count = (f: FileAudit, s: string): number =>
    f.findings.filter((x) => x.severity === s).length;
  const rows = files
    .map(
      (f, i) =>
        `<tr><td><a href="#f${i}">${escapeHtml(f.file)}</a></td><td>${escapeHtml(f.summary.department ?? '')}</td><td>${f.summary.year ?? ''}</td><td>${escapeHtml(rulebookLabel(f.summary))}</td><td>${f.summary.claimedTotal ?? ''}</td><td>${f.summary.computedTotal ?? ''}</td>` +
        `<td class="error">${count(f, 'error')}</td><td class="warning">${count(f, 'warning')}</td><td class="info">${count(f, 'info')}</td><td${f.ok ? '' : ' class="bad"'}>${f.ok ? '' : escapeHtml(f.error ?? '')}</td></tr>`,
    )
    .join('\n');
  const sections = files
    .map((f, i) => {
      const head = `<h2 id="f${i}">${escapeHtml(f.file)}${f.summary.title ? ` — ${escapeHtml(f.summary.title)}` : ''}</h2>`;
      if (!f.ok) return `${head}<p class="bad">${escapeHtml(f.error ?? '')}</p>`;
      // What was understood, said before any "no problem": an unread table is not a clean one.
      const u = f.summary.understanding;
      // A rulebook only inferred is said beside the findings it scored, not in the table alone.
      const book = f.summary.rulebookInferred
        ? `<p>评价指标体系：${escapeHtml(rulebookLabel(f.summary))}</p>`
        : '';
      // How the file was read (a text on one line re-lined, extraction warnings) is said too.
      const notes = (f.notes ?? [])
        .map((n) => `<p class="note">说明：${escapeHtml(n)}</p>`)
        .join('');
      const said =
        (u
          ? `<p>${u.status === 'recognised' ? '识别情况' : '注意'}：${escapeHtml(u.message)}</p>`
          : '') +
        book +
        notes;
      if (f.findings.length === 0)
        return `${head}${said}<p>${noFindingsSaid(u?.status ?? null, f.summary.computedTotal)}</p>`;
      const drawn = pictures.get(i);
      const items = f.findings
        .map(
          (x, j) =>
            `<tr><td>${x.line ?? ''}</td><td class="${x.severity}">${SEVERITY_ZH[x.severity]}</td><td>${escapeHtml(CATEGORY_LABELS_ZH[x.category])}</td><td>${escapeHtml(checkName(x.code))}</td><td>${escapeHtml(x.message)}</td><td>${highlighted(x)}${place(x, drawn?.pictures[j])}</td></tr>`,
        )
        .join('\n');
      const note = drawn?.note ? `<p class="info">${escapeHtml(drawn.note)}</p>` : '';
      return `${head}${book}${note}<table><tr><th>行</th><th>程度</th><th>类别</th><th>检查项</th><th>说明</th><th>原文</th></tr>\n${items}</table>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(title)}</h1>
<table><tr><th>文件</th><th>单位</th><th>年度</th><th>评价规则</th><th>报告总分</th><th>计算总分</th><th>错误</th><th>警告</th><th>提示</th><th>读取问题</th></tr>
${rows}</table>
${sections}
</body></html>
`;
}

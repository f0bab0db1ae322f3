import { Alert, Descriptions, Space, Tag, Typography } from 'antd';
import { Item, ItemList } from '../lib/item-list.tsx';
import { formatFen, SEVERITY_RANK, type Evaluation, type IndicatorNode } from '@jixiao/domain';
import { importPageUrl, type ImportResult, type RulebookInfo } from '../api.ts';
import { KIND_LABELS } from '../lib/labels.ts';
import { FindingPage } from '../lib/finding-page.tsx';

const SEVERITY_TAG = {
  error: ['red', '错误'],
  warning: ['orange', '警告'],
  info: ['blue', '提示'],
} as const;
/** Findings listed under the preview, most severe first; the counts above cover all of them. */
const LISTED = 20;

function leaves(nodes: readonly IndicatorNode[]): number {
  return nodes.reduce((n, c) => n + (c.children?.length ? leaves(c.children) : 1), 0);
}

const money = (e: Evaluation, key: 'budget' | 'executed') => {
  const a = e.funds.total?.[key];
  return a ? `${formatFen(a.fen, '万元')} 万元` : '未读到';
};

/**
 * What an uploaded report gave, before anything is created: the unit, year and kind the document
 * states, the figures and lists that were read, and what could not be read.
 */
export function ImportPreview({
  result,
  rulebooks,
  fileName,
}: {
  result: ImportResult;
  rulebooks: readonly RulebookInfo[];
  /** The uploaded file's name: a PDF's findings open their page. */
  fileName: string;
}) {
  const d = result.draft;
  if (!d)
    return (
      <Alert
        type="error"
        showIcon
        title="未能从文件中识别出自评内容"
        description={result.problems.map((p) => p.message).join('；') || undefined}
      />
    );
  // PDFs and pictures (read by OCR) have pages the server can draw.
  const paged = /\.(pdf|png|jpe?g)$/i.test(fileName);
  const documentId = result.documentId;
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
  return (
    <div data-testid="import-preview">
      <Descriptions size="small" bordered column={2} title="从文件中读到的内容">
        <Descriptions.Item label="单位">{d.meta.unitName}</Descriptions.Item>
        <Descriptions.Item label="年度">{d.meta.year}</Descriptions.Item>
        <Descriptions.Item label="类型">{KIND_LABELS[d.kind]}</Descriptions.Item>
        <Descriptions.Item label="指标体系">
          {rulebooks.find((r) => r.id === d.rulebookId)?.name ?? '未能判断'}
        </Descriptions.Item>
        <Descriptions.Item label="全年预算数">{money(d, 'budget')}</Descriptions.Item>
        <Descriptions.Item label="全年执行数">{money(d, 'executed')}</Descriptions.Item>
        <Descriptions.Item label="绩效指标">{leaves(d.indicators)} 项</Descriptions.Item>
        <Descriptions.Item label="项目支出">
          {d.kind === 'department' ? `${d.projectExpenditure.projects.length} 个项目` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="自评得分">
          {d.stated.total === undefined ? '未读到' : `${d.stated.total} 分`}
          {d.stated.grade ? `（${d.stated.grade}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="审查发现">
          错误 {errors} 个，警告 {warnings} 个
        </Descriptions.Item>
      </Descriptions>
      {result.findings.length > 0 && (
        <>
          <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>
            审查发现
            {result.findings.length > LISTED ? `（最严重的 ${LISTED} 条）` : ''}
          </Typography.Text>
          <ItemList data-testid="import-findings">
            {[...result.findings]
              .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity])
              .slice(0, LISTED)
              .map((f, i) => (
                <Item key={i}>
                  <Space wrap>
                    <Tag color={SEVERITY_TAG[f.severity][0]}>{SEVERITY_TAG[f.severity][1]}</Tag>
                    <span>{f.message}</span>
                    <FindingPage
                      page={f.page}
                      placed={f.bbox !== undefined}
                      pictureUrl={
                        paged && documentId && f.page !== undefined && f.bbox !== undefined
                          ? importPageUrl(documentId, { page: f.page, bbox: f.bbox })
                          : undefined
                      }
                    />
                  </Space>
                </Item>
              ))}
          </ItemList>
        </>
      )}
      {result.problems.length > 0 && (
        <>
          <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>
            未能读取的内容（创建后请在编辑页补充）
          </Typography.Text>
          <ItemList>
            {result.problems.slice(0, 8).map((p, i) => (
              <Item key={i}>{p.message}</Item>
            ))}
          </ItemList>
        </>
      )}
    </div>
  );
}

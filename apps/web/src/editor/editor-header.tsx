import { memo } from 'react';
import { Button, Card, Popconfirm, Space, Tag, Typography } from 'antd';
import { DownloadOutlined, EyeOutlined, SendOutlined } from '@ant-design/icons';
import { exportUrl, type Status } from '../api.ts';
import { STATUS_COLORS, STATUS_LABELS } from '../lib/labels.ts';
import { ReportPdfButtons } from './report-pdf-buttons.tsx';
import type { SaveState } from './use-autosave.ts';

function saveText(s: SaveState): string {
  switch (s.kind) {
    case 'saved':
      return s.at ? '已自动保存' : '未修改';
    case 'dirty':
      return '有未保存的修改…';
    case 'saving':
      return '正在保存…';
    case 'conflict':
      return '保存冲突';
    case 'retrying':
      return `未保存：${s.message}（输入已保留，将自动重试）`;
    case 'error':
      return `保存失败：${s.message}（输入已保留）`;
  }
}

/**
 * The editor's head: unit, year, status, version, save state, the stated and computed totals,
 * preview, downloads and 提交审核. Memoised with plain props, so a keystroke renders it only when
 * something it shows changed (the save state, the stated total).
 */
export const EditorHeader = memo(function EditorHeader({
  id,
  unit,
  year,
  status,
  version,
  save,
  statedTotal,
  computedTotal,
  canSubmit,
  errors,
  onPreview,
  onSubmit,
  beforeDownload,
}: {
  id: string | number;
  unit: string;
  year: number;
  status: Status;
  version: number;
  save: SaveState;
  statedTotal: number | undefined;
  computedTotal: number | undefined;
  canSubmit: boolean;
  errors: number;
  onPreview: () => void;
  onSubmit: () => void;
  /** Saves what is pending before the PDF is made. */
  beforeDownload: () => Promise<unknown>;
}) {
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {unit} {year}年度
          </Typography.Title>
          <Tag color={STATUS_COLORS[status]} data-testid="status-tag">
            {STATUS_LABELS[status]}
          </Tag>
          <Typography.Text type="secondary">版本 {version}</Typography.Text>
          <Typography.Text
            type={save.kind === 'error' ? 'danger' : 'secondary'}
            data-testid="save-state"
            role="status"
          >
            {saveText(save)}
          </Typography.Text>
        </Space>
        <Space wrap>
          <Typography.Text>
            填报 <b>{statedTotal ?? '—'}</b> 分 · 计算{' '}
            <b data-testid="header-computed">{computedTotal ?? '—'}</b> 分
          </Typography.Text>
          <Button icon={<EyeOutlined />} onClick={onPreview}>
            预览报告
          </Button>
          <Button icon={<DownloadOutlined />} href={exportUrl(id, 'docx')}>
            下载 Word
          </Button>
          <ReportPdfButtons url={exportUrl(id, 'pdf')} before={beforeDownload} />
          <Button icon={<DownloadOutlined />} href={exportUrl(id, 'xlsx')}>
            下载 Excel
          </Button>
          {canSubmit && (
            <Popconfirm
              title="提交审核"
              description={
                errors > 0
                  ? `仍有 ${errors} 个错误，确定提交吗？`
                  : '提交后将不能修改，确定提交吗？'
              }
              okText="提交"
              cancelText="取消"
              onConfirm={onSubmit}
            >
              <Button type="primary" icon={<SendOutlined />}>
                提交审核
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Space>
    </Card>
  );
});

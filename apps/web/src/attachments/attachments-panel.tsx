import { useRef, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Typography,
} from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { IndicatorNode } from '@jixiao/domain';
import { errorText } from '../api.ts';
import { beijingTime } from '../lib/time.ts';
import {
  ACCEPTED,
  attachmentUrl,
  indicatorKey,
  sizeText,
  type Attachment,
} from './attachments-api.ts';
import { useAttachments, useAttachmentsStore } from './attachments-store.tsx';

/** What the unit may attach and who sees it, as the panel says it. */
export const ATTACHMENT_RULES =
  '支持 PDF、JPG、PNG、Word（.docx）和 Excel（.xlsx），单个文件不超过 20 MB，每份自评最多 50 个；不接受压缩包。' +
  '提交审核后不能再增删。本单位、单位负责人和财政局审核人可以查看；标为“公开”的材料在报告公开后随报告向社会公开。';

/** Every indicator of a tree as a choice: its names from the top, shown joined by " / ". */
function indicatorChoices(nodes: readonly IndicatorNode[], base: string[] = []) {
  const out: { value: string; label: string; names: string[] }[] = [];
  for (const node of nodes) {
    const names = [...base, node.name];
    out.push({ value: indicatorKey(names), label: names.join(' / '), names });
    out.push(...indicatorChoices(node.children ?? [], names));
  }
  return out;
}

/**
 * The supporting documents (证明材料) of the evaluation in scope: upload (for the whole
 * evaluation or an indicator), list, download, mark public, delete. With `indicator`, only that
 * indicator's files, and uploads are tied to it.
 */
export function AttachmentsPanel({
  indicator,
  indicators,
}: {
  /** Only this indicator's files. */
  indicator?: string[] | undefined;
  /** The tree to choose an indicator from when uploading (the editor's). */
  indicators?: readonly IndicatorNode[] | undefined;
}) {
  const store = useAttachmentsStore();
  const { items, loaded, error } = useAttachments();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [publicNext, setPublicNext] = useState(false);
  const [target, setTarget] = useState<string | undefined>(undefined);
  if (store === null) return null;
  const editable = store.editable;
  const choices = indicator === undefined ? indicatorChoices(indicators ?? []) : [];
  const scopeKey = indicator === undefined ? null : indicatorKey(indicator);
  const shown =
    scopeKey === null
      ? items
      : items.filter((a) => a.indicator !== null && indicatorKey(a.indicator) === scopeKey);

  const upload = async (files: FileList | null) => {
    if (files === null || files.length === 0) return;
    setBusy(true);
    setFailure(null);
    const tie = indicator ?? choices.find((c) => c.value === target)?.names ?? null;
    const problems: string[] = [];
    for (const file of Array.from(files)) {
      try {
        await store.upload(file, { indicator: tie, public: publicNext });
        void message.success(`已上传：${file.name}`);
      } catch (e) {
        problems.push(errorText(e));
      }
    }
    setBusy(false);
    if (problems.length > 0) setFailure(problems.join('\n'));
    if (input.current) input.current.value = '';
  };

  const act = async (what: () => Promise<void>) => {
    setFailure(null);
    try {
      await what();
    } catch (e) {
      setFailure(errorText(e));
    }
  };

  return (
    <section aria-label={indicator ? `${indicator.join(' / ')} 的证明材料` : '证明材料'}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {ATTACHMENT_RULES}
      </Typography.Paragraph>
      {editable && (
        <Space wrap style={{ marginBottom: 12 }}>
          {indicator === undefined && (
            <Select
              aria-label="对应指标"
              placeholder="对应指标（可不选：整份自评）"
              allowClear
              showSearch
              optionFilterProp="label"
              style={{ width: 320 }}
              value={target}
              onChange={(v: string | undefined) => setTarget(v)}
              options={choices.map(({ value, label }) => ({ value, label }))}
            />
          )}
          <Checkbox checked={publicNext} onChange={(e) => setPublicNext(e.target.checked)}>
            随报告公开
          </Checkbox>
          <input
            ref={input}
            type="file"
            multiple
            accept={ACCEPTED}
            aria-label="选择证明材料文件"
            style={{ display: 'none' }}
            onChange={(e) => void upload(e.target.files)}
          />
          <Button
            type="primary"
            icon={<UploadOutlined />}
            loading={busy}
            onClick={() => input.current?.click()}
          >
            上传证明材料
          </Button>
        </Space>
      )}
      {(failure ?? error) && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 12, whiteSpace: 'pre-line' }}
          title={failure ?? error}
          closable
          onClose={() => setFailure(null)}
        />
      )}
      <Table<Attachment>
        size="small"
        rowKey="id"
        loading={!loaded}
        pagination={false}
        dataSource={shown}
        locale={{ emptyText: '暂无证明材料' }}
        columns={[
          {
            title: '文件',
            dataIndex: 'fileName',
            render: (_v, a) => (
              <a href={attachmentUrl(a.id)} aria-label={`下载 ${a.fileName}`}>
                <PaperClipOutlined /> {a.fileName}
              </a>
            ),
          },
          ...(indicator === undefined
            ? [
                {
                  title: '对应指标',
                  key: 'indicator',
                  render: (_v: unknown, a: Attachment) =>
                    a.indicator ? a.indicator.join(' / ') : '整份自评',
                },
              ]
            : []),
          { title: '大小', key: 'size', width: 90, render: (_v, a) => sizeText(a.size) },
          { title: '上传人', dataIndex: 'uploadedByName', width: 100 },
          {
            title: '上传时间',
            key: 'at',
            width: 150,
            render: (_v, a) => beijingTime(a.uploadedAt),
          },
          {
            title: '公开',
            key: 'public',
            width: 70,
            render: (_v, a) => (
              <Switch
                size="small"
                aria-label={`${a.fileName} 随报告公开`}
                checked={a.public}
                disabled={!editable}
                onChange={(v) => void act(() => store.setPublic(a.id, v))}
              />
            ),
          },
          ...(editable
            ? [
                {
                  title: '操作',
                  key: 'ops',
                  width: 70,
                  render: (_v: unknown, a: Attachment) => (
                    <Popconfirm
                      title={`删除“${a.fileName}”？`}
                      okText="删除"
                      okButtonProps={{ danger: true }}
                      cancelText="取消"
                      onConfirm={() => void act(() => store.remove(a.id))}
                    >
                      <Button
                        size="small"
                        danger
                        aria-label={`删除 ${a.fileName}`}
                        icon={<DeleteOutlined />}
                      />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </section>
  );
}

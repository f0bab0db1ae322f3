import { useState } from 'react';
import { Breadcrumb, Button, Card, Input, InputNumber, Pagination, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { api, publicDocxUrl, publicPdfUrl } from '../api.ts';
import { ReportPdfButtons } from '../editor/report-pdf-buttons.tsx';
import { PublicAttachments } from '../attachments/public-attachments.tsx';
import { AsyncView } from '../lib/async-view.tsx';
import { Item, ItemList } from '../lib/item-list.tsx';
import { useAsync } from '../lib/use-async.ts';
import { beijingDate } from '../lib/time.ts';
import { ReportPreview } from '../editor/report-preview.tsx';

/** 公开: published reports, searchable and downloadable without logging in. */
export default function PublicPage({ id }: { id?: string | undefined }) {
  return id ? <PublicReportView id={id} /> : <PublicList />;
}

function PublicList() {
  const [q, setQ] = useState('');
  const [year, setYear] = useState<number | null>(null);
  const state = useAsync(
    () => api.publicReports({ q, ...(year ? { year } : {}) }).then((r) => r.items),
    [q, year],
  );
  return (
    <Card title="已公开的绩效自评报告">
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          aria-label="搜索单位或标题"
          placeholder="搜索单位或标题"
          allowClear
          enterButton="搜索"
          onSearch={setQ}
          style={{ width: 320 }}
        />
        <label htmlFor="public-year">年度</label>
        <InputNumber
          id="public-year"
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => setYear(typeof v === 'number' ? v : null)}
        />
      </Space>
      <AsyncView state={state} isEmpty={(d) => d.length === 0} emptyText="没有找到已公开的报告">
        {(items) => <PublicReportList items={items} />}
      </AsyncView>
    </Card>
  );
}

/** Items of the public list shown on one page. */
const PAGE_SIZE = 20;

type PublicItem = Awaited<ReturnType<typeof api.publicReports>>['items'][number];

function PublicReportList({ items }: { items: PublicItem[] }) {
  const [page, setPage] = useState(1);
  const shown = items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <>
      <ItemList>
        {shown.map((r) => (
          <Item
            key={r.id}
            actions={[
              <Button
                key="d"
                icon={<DownloadOutlined />}
                href={publicDocxUrl(r.id)}
                aria-label={`下载 ${r.title}`}
              >
                下载
              </Button>,
            ]}
          >
            <div>
              <a href={`#/public/${r.id}`}>{r.title}</a>
            </div>
            <Typography.Text type="secondary">
              {`${r.departmentName} · ${r.year}年度 · 自评得分 ${r.statedTotal ?? r.computedTotal ?? '—'} · 公开于 ${beijingDate(r.publishedAt)}`}
            </Typography.Text>
          </Item>
        ))}
      </ItemList>
      <Pagination
        current={page}
        pageSize={PAGE_SIZE}
        total={items.length}
        hideOnSinglePage
        onChange={setPage}
        style={{ marginTop: 12, textAlign: 'right' }}
      />
    </>
  );
}

function PublicReportView({ id }: { id: string }) {
  const state = useAsync(() => api.publicReport(id), [id]);
  return (
    <AsyncView state={state}>
      {(r) => (
        <>
          <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
            <Breadcrumb items={[{ title: <a href="#/public">公开</a> }, { title: r.title }]} />
            <Space wrap>
              <Button type="primary" icon={<DownloadOutlined />} href={publicDocxUrl(r.id)}>
                下载 Word
              </Button>
              <ReportPdfButtons url={publicPdfUrl(r.id)} />
            </Space>
          </Space>
          <Typography.Paragraph type="secondary">
            {r.departmentName} · 公开于 {beijingDate(r.publishedAt)}
          </Typography.Paragraph>
          <ReportPreview blocks={r.blocks} />
          <PublicAttachments reportId={r.id} />
        </>
      )}
    </AsyncView>
  );
}

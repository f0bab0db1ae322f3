import { Card, List } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useAsync } from '../lib/use-async.ts';
import { attachmentsApi, publicAttachmentUrl, sizeText } from './attachments-api.ts';

/** The supporting documents the unit marked public, under a published report (none: nothing). */
export function PublicAttachments({ reportId }: { reportId: string | number }) {
  const state = useAsync(
    () => attachmentsApi.publicList(reportId).then((r) => r.items),
    [reportId],
  );
  const items = state.data ?? [];
  if (items.length === 0) return null;
  return (
    <Card title="证明材料" size="small" style={{ marginTop: 16 }}>
      <List
        dataSource={items}
        renderItem={(a) => (
          <List.Item>
            <a href={publicAttachmentUrl(a.id)} aria-label={`下载 ${a.fileName}`}>
              <PaperClipOutlined /> {a.fileName}
            </a>
            <span style={{ color: '#888' }}>
              {a.indicator ? `${a.indicator.join(' / ')} · ` : ''}
              {sizeText(a.size)}
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}

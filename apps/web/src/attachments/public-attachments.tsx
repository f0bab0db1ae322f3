import { Card } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useAsync } from '../lib/use-async.ts';
import { attachmentsApi, publicAttachmentUrl, sizeText } from './attachments-api.ts';
import { Item, ItemList } from '../lib/item-list.tsx';

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
      <ItemList>
        {items.map((a) => (
          <Item key={a.id}>
            <a href={publicAttachmentUrl(a.id)} aria-label={`下载 ${a.fileName}`}>
              <PaperClipOutlined /> {a.fileName}
            </a>
            <span style={{ color: '#888' }}>
              {a.indicator ? `${a.indicator.join(' / ')} · ` : ''}
              {sizeText(a.size)}
            </span>
          </Item>
        ))}
      </ItemList>
    </Card>
  );
}

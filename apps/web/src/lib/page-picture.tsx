import { useEffect, useState } from 'react';
import { Alert, Modal, Spin, Typography } from 'antd';

/**
 * The original page around a finding, its box outlined in red: fetched as a picture from the
 * server (a page of an imported PDF, or the band kept with a batch audit). Loaded lazily.
 */
export default function PagePicture({
  url,
  page,
  onClose,
}: {
  url: string;
  page: number;
  onClose: () => void;
}) {
  const [state, setState] = useState<{ src?: string; error?: string }>({});
  useEffect(() => {
    let live = true;
    let src: string | undefined;
    void (async () => {
      try {
        const res = await fetch(url, { credentials: 'same-origin' });
        if (!res.ok) {
          const body = (await res.json().catch(() => null)) as {
            error?: { message?: string };
          } | null;
          if (live) setState({ error: body?.error?.message ?? `无法显示原页面（${res.status}）` });
          return;
        }
        const blob = await res.blob();
        if (!live) return;
        src = URL.createObjectURL(blob);
        setState({ src });
      } catch {
        if (live) setState({ error: '无法连接服务器，请检查网络后重试' });
      }
    })();
    return () => {
      live = false;
      if (src !== undefined) URL.revokeObjectURL(src);
    };
  }, [url]);
  return (
    <Modal open title={`原文第 ${page} 页`} footer={null} onCancel={onClose} width={880}>
      {state.error !== undefined ? (
        <Alert type="error" showIcon title={state.error} />
      ) : state.src !== undefined ? (
        <>
          <Typography.Text type="secondary">红框处为该发现在原文中的位置。</Typography.Text>
          <img
            data-testid="page-picture"
            src={state.src}
            alt={`原文第 ${page} 页，问题所在处以红框标出`}
            style={{ display: 'block', width: '100%', marginTop: 8, border: '1px solid #d9d9d9' }}
          />
        </>
      ) : (
        <Spin />
      )}
    </Modal>
  );
}

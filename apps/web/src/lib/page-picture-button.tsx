import { lazy, Suspense, useState } from 'react';
import { Button } from 'antd';
import { FileImageOutlined } from '@ant-design/icons';

// The viewer is its own chunk, fetched on the first click.
const PagePicture = lazy(() => import('./page-picture.tsx'));

/** 查看原页面: opens the original page of a finding (its box outlined) in a dialog. */
export function PagePictureButton({ url, page }: { url: string; page: number }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="small"
        icon={<FileImageOutlined />}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
      >
        查看原页面（第 {page} 页）
      </Button>
      {open && (
        <Suspense fallback={null}>
          <PagePicture url={url} page={page} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}

import { Typography } from 'antd';
import { PagePictureButton } from './page-picture-button.tsx';

/**
 * Where a finding is in the original: the button to its page picture when one can be shown,
 * else the page in words with why there is no picture; nothing for a finding without a page
 * (one from a .docx, .txt or .html, which have no pages).
 */
export function FindingPage({
  page,
  placed,
  pictureUrl,
}: {
  page: number | undefined;
  /** Whether the reading placed the finding on its page (it has a box). */
  placed: boolean;
  /** Where its picture is, when there is one. */
  pictureUrl: string | undefined;
}) {
  if (page === undefined) return null;
  if (pictureUrl !== undefined) return <PagePictureButton url={pictureUrl} page={page} />;
  return (
    <Typography.Text type="secondary" data-testid="finding-page">
      第 {page} 页（{placed ? '原页面图片未保存' : '无法定位到具体位置'}）
    </Typography.Text>
  );
}

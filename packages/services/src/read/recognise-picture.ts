import { readErrorMessage } from '@jixiao/documents/audit-core';
import type { PageContent, ReadError } from '@jixiao/documents/audit-core';
import { imagePage } from './image-page-pdf.ts';
import { recogniseImage, recognisePdfPages } from './tesseract-ocr.ts';

/**
 * Recognises a picture (.png/.jpg: a photo or scan of a page) as the page it is shown as: it is
 * put on a page the way it is seen (a JPEG's EXIF orientation applied) and read as a scanned
 * PDF's page is, turned level if askew and with its ruling lines found, so its boxes fall on
 * the page its findings are drawn on.
 */
export async function recognisePicture(
  bytes: Uint8Array,
): Promise<PageContent[] | { error: ReadError }> {
  // A picture that cannot be put on a page (an interlaced PNG) is read as it is; one that is no
  // picture, or too large, is refused there with the reason.
  const page = imagePage(bytes);
  if (!page) return recogniseImage(bytes);
  const read = await recognisePdfPages(
    page.pdf,
    [{ number: 1, width: page.width, height: page.height }],
    { exactPixels: true },
  );
  if ('error' in read) {
    return { error: { code: 'ocr-failed', message: readErrorMessage('ocr-failed', read.error) } };
  }
  const ocr = read.get(1);
  if (!ocr) {
    return {
      error: { code: 'ocr-failed', message: readErrorMessage('ocr-failed', '未识别出页面') },
    };
  }
  return [{ number: 1, width: page.width, height: page.height, ...ocr, ocr: true }];
}

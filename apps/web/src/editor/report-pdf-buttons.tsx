import { useState } from 'react';
import { App, Button, Tooltip } from 'antd';
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { errorText } from '../api.ts';

/** The file name a Content-Disposition header gives (its UTF-8 `filename*` first). */
function fileNameOf(header: string | null): string | null {
  if (header === null) return null;
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (utf8 !== undefined) {
    try {
      return decodeURIComponent(utf8);
    } catch {
      return null;
    }
  }
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? null;
}

/**
 * 下载 PDF and 打印 beside the Word download. The PDF is the Word report converted by the server
 * (GB/T 9704 pages, fonts and page numbers as in Word, the unit's own figures); it takes a few
 * seconds, so the button shows that it is working and a failure is said in Chinese instead of
 * leaving the page. 打印 opens the PDF in a new tab, where the browser's viewer prints it page
 * for page. `before` runs first (the editor saves what is pending, so the PDF has it).
 */
export function ReportPdfButtons({
  url,
  before,
}: {
  url: string;
  before?: (() => Promise<unknown>) | undefined;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await before?.();
      const res = await fetch(url, { credentials: 'same-origin' });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as {
          error?: { message?: string };
        } | null;
        throw new Error(body?.error?.message ?? `生成 PDF 失败（${res.status}）`);
      }
      const blob = await res.blob();
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = fileNameOf(res.headers.get('content-disposition')) ?? '自评报告.pdf';
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Tooltip title="与 Word 报告相同的版式（GB/T 9704）">
        <Button icon={<FilePdfOutlined />} loading={busy} onClick={() => void download()}>
          {busy ? '正在生成 PDF…' : '下载 PDF'}
        </Button>
      </Tooltip>
      <Button icon={<PrinterOutlined />} href={`${url}?inline=1`} target="_blank" rel="noopener">
        打印
      </Button>
    </>
  );
}

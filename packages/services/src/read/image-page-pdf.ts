import { jpegOrientation, orientedPlacement } from './jpeg-orientation.ts';
import { decodePngGray } from './png-decode.ts';
import { imageSize, MAX_IMAGE_PIXELS, OCR_DPI } from './tesseract-ocr.ts';

const encoder = new TextEncoder();

/** A PDF of numbered objects (strings or byte runs) with its cross-reference table. */
function writePdf(objects: (string | Uint8Array)[][]): Uint8Array {
  const parts: Uint8Array[] = [encoder.encode('%PDF-1.4\n')];
  let length = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  const push = (p: string | Uint8Array): void => {
    const b = typeof p === 'string' ? encoder.encode(p) : p;
    parts.push(b);
    length += b.length;
  };
  for (const [i, object] of objects.entries()) {
    offsets.push(length);
    push(`${i + 1} 0 obj\n`);
    for (const p of object) push(p);
    push('\nendobj\n');
  }
  const xref = length;
  push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`);
  for (const o of offsets) push(`${String(o).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}

/**
 * A picture (.png/.jpg) as a one-page PDF, the page as large as OCR takes it (OCR_DPI): the
 * boxes of findings read from the picture then fall on this page, so it is drawn and cut as a
 * PDF's page is. A JPEG goes in as it is, drawn the way its EXIF orientation says it is seen (a
 * photo taken with the phone held sideways stands upright on the page); a PNG is decoded to grey
 * first. Undefined for a picture that cannot be taken (not one, too large, an interlaced PNG).
 */
export function imagePage(
  bytes: Uint8Array,
): { pdf: Uint8Array; width: number; height: number } | undefined {
  const size = imageSize(bytes);
  if (!size || size.width === 0 || size.height === 0) return undefined;
  if (size.width * size.height > MAX_IMAGE_PIXELS) return undefined;
  let image: (string | Uint8Array)[];
  let orientation = 1;
  if (size.components !== undefined) {
    orientation = jpegOrientation(bytes);
    const space =
      size.components === 1 ? '/DeviceGray' : size.components === 4 ? '/DeviceCMYK' : '/DeviceRGB';
    image = [
      `<< /Type /XObject /Subtype /Image /Width ${size.width} /Height ${size.height} /ColorSpace ${space} /BitsPerComponent 8 /Filter /DCTDecode /Length ${bytes.length} >>\nstream\n`,
      bytes,
      '\nendstream',
    ];
  } else {
    const gray = decodePngGray(bytes, MAX_IMAGE_PIXELS);
    if (!gray) return undefined;
    image = [
      `<< /Type /XObject /Subtype /Image /Width ${gray.width} /Height ${gray.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${gray.data.length} >>\nstream\n`,
      gray.data,
      '\nendstream',
    ];
  }
  const placed = orientedPlacement(
    orientation,
    (size.width * 72) / OCR_DPI,
    (size.height * 72) / OCR_DPI,
  );
  const w = placed.width.toFixed(3);
  const h = placed.height.toFixed(3);
  const content = `q ${placed.matrix.map((n) => Number(n.toFixed(3))).join(' ')} cm /Im0 Do Q`;
  const pdf = writePdf([
    ['<< /Type /Catalog /Pages 2 0 R >>'],
    ['<< /Type /Pages /Kids [3 0 R] /Count 1 >>'],
    [
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`,
    ],
    image,
    [`<< /Length ${content.length} >>\nstream\n${content}\nendstream`],
  ]);
  return { pdf, width: Number(w), height: Number(h) };
}

/** The page of imagePage as PDF bytes. */
export function imagePagePdf(bytes: Uint8Array): Uint8Array | undefined {
  return imagePage(bytes)?.pdf;
}

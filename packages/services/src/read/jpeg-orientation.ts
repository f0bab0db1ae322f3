import { isFrameMarker, jpegSegments } from './jpeg-segments.ts';

/**
 * The EXIF orientation of a JPEG (tag 0x0112 in the first image directory of its APP1 "Exif"
 * segment): 1 upright, 2 mirrored, 3 turned 180°, 4 mirrored top to bottom, 5 transposed, 6 to be
 * turned 90° clockwise, 7 transversed, 8 to be turned 90° anticlockwise. A phone held sideways
 * stores the pixels as the sensor saw them and says in this tag how to show them. 1 when the
 * file says nothing (or says it in a way that cannot be read).
 */
export function jpegOrientation(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const { marker, at, length } of jpegSegments(bytes)) {
    // Start of scan or of a frame: the headers that may carry EXIF are behind us.
    if (marker === 0xda || isFrameMarker(marker) || length < 2) return 1;
    if (marker === 0xe1 && length >= 16 && exifHeader(bytes, at + 4)) {
      return tiffOrientation(view, at + 10, Math.min(bytes.length, at + 2 + length));
    }
  }
  return 1;
}

/** "Exif\0\0" at `at`. */
function exifHeader(bytes: Uint8Array, at: number): boolean {
  return [0x45, 0x78, 0x69, 0x66, 0, 0].every((b, i) => bytes[at + i] === b);
}

/** The orientation tag of the TIFF structure starting at `start` and ending before `end`. */
function tiffOrientation(view: DataView, start: number, end: number): number {
  if (start + 8 > end) return 1;
  const order = view.getUint16(start);
  if (order !== 0x4949 && order !== 0x4d4d) return 1;
  const little = order === 0x4949;
  if (view.getUint16(start + 2, little) !== 42) return 1;
  const ifd = start + view.getUint32(start + 4, little);
  if (ifd + 2 > end) return 1;
  const count = view.getUint16(ifd, little);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > end) return 1;
    if (view.getUint16(entry, little) !== 0x0112) continue;
    // A SHORT (type 3) held in the entry itself.
    if (view.getUint16(entry + 2, little) !== 3) return 1;
    const value = view.getUint16(entry + 8, little);
    return value >= 1 && value <= 8 ? value : 1;
  }
  return 1;
}

/** A picture of `width` × `height` (points) drawn as EXIF `orientation` says it is seen. */
export interface Placement {
  /** The page the picture fills, as seen. */
  width: number;
  height: number;
  /** The PDF matrix [a b c d e f] that maps the image's unit square onto that page. */
  matrix: [number, number, number, number, number, number];
}

/**
 * Where an image of stored size `w` × `h` goes on a page so that it is seen as `orientation`
 * says. In a PDF the image's unit square has its first row at the top (v = 1); each case maps
 * the stored pixel (u, v) to where that orientation shows it.
 */
export function orientedPlacement(orientation: number, w: number, h: number): Placement {
  switch (orientation) {
    case 2:
      return { width: w, height: h, matrix: [-w, 0, 0, h, w, 0] };
    case 3:
      return { width: w, height: h, matrix: [-w, 0, 0, -h, w, h] };
    case 4:
      return { width: w, height: h, matrix: [w, 0, 0, -h, 0, h] };
    case 5:
      return { width: h, height: w, matrix: [0, -w, -h, 0, h, w] };
    case 6:
      return { width: h, height: w, matrix: [0, -w, h, 0, 0, w] };
    case 7:
      return { width: h, height: w, matrix: [0, w, h, 0, 0, 0] };
    case 8:
      return { width: h, height: w, matrix: [0, w, -h, 0, h, 0] };
    default:
      return { width: w, height: h, matrix: [w, 0, 0, h, 0, 0] };
  }
}

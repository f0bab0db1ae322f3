/** A marker segment of a JPEG: its marker byte, where it starts (its 0xFF) and its length field. */
export interface JpegSegment {
  marker: number;
  at: number;
  length: number;
}

/**
 * The marker segments of a JPEG from the one after start-of-image, in order, while they stand
 * where the previous one's length says (each begins with 0xFF and has its length field). Empty
 * for bytes that are not a JPEG. Stops at the first byte that is not a marker.
 */
export function* jpegSegments(bytes: Uint8Array): Generator<JpegSegment> {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const length = view.getUint16(at + 2);
    yield { marker: bytes[at + 1] ?? 0, at, length };
    at += 2 + length;
  }
}

/** A start-of-frame marker (SOF0–SOF15 but DHT, JPG and DAC): its segment holds the image size. */
export function isFrameMarker(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/**
 * Whether a file's bytes hold the whole structure of its kind, beyond its first bytes: a file
 * cut short (an interrupted download or copy) or a few bytes that only begin like a picture or a
 * PDF would be stored and then fail to open for the reviewer.
 */

const latin1 = new TextDecoder('latin1');

/**
 * A JPEG: the start marker, marker segments whose lengths chain up to a frame header (SOF) and
 * the scan (SOS), and the end marker after the scan. Bytes after the end marker are allowed
 * (cameras and editors append data there).
 */
export function isWholeJpeg(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return false;
  let at = 2;
  let frame = false;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return false;
    const marker = bytes[at + 1] ?? 0;
    // Fill bytes before a marker, and the markers that carry no length.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xd8) return false;
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    if (length < 2 || at + 2 + length > bytes.length) return false;
    // Start-of-frame markers: C0–CF except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      frame = true;
    if (marker === 0xda) {
      if (!frame) return false;
      const scan = at + 2 + length;
      for (let i = bytes.length - 2; i >= scan; i -= 1)
        if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return true;
      return false;
    }
    at += 2 + length;
  }
  return false;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * A PNG: the signature, a 13-byte IHDR with a width and height, at least one IDAT, and chunks
 * whose lengths chain up to IEND.
 */
export function isWholePng(bytes: Uint8Array): boolean {
  if (!PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  let first = true;
  let data = false;
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    const type = latin1.decode(bytes.subarray(at + 4, at + 8));
    if (at + 12 + length > bytes.length) return false;
    if (first) {
      if (type !== 'IHDR' || length !== 13) return false;
      if (view.getUint32(at + 8) === 0 || view.getUint32(at + 12) === 0) return false;
      first = false;
    }
    if (type === 'IDAT') data = true;
    if (type === 'IEND') return data;
    at += 12 + length;
  }
  return false;
}

/**
 * A PDF: the header within the first kilobyte (readers allow a little junk before it), at least
 * one object near the start, and the end of the file: `startxref` and `%%EOF` within its last kilobyte and a
 * half (a file cut short loses them).
 */
export function isWholePdf(bytes: Uint8Array): boolean {
  const head = latin1.decode(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) return false;
  const tail = latin1.decode(bytes.subarray(Math.max(0, bytes.length - 1536)));
  const xref = tail.lastIndexOf('startxref');
  if (xref < 0 || !tail.includes('%%EOF', xref)) return false;
  // The first object follows the header closely (a linearized file's within its first kilobyte).
  return /\d+\s+\d+\s+obj\b/.test(latin1.decode(bytes.subarray(0, 64 * 1024)));
}

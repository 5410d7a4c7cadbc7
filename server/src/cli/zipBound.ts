import { inflateRawSync } from 'node:zlib';

/**
 * Does a zip container (.docx) unpack to at most `maxBytes`? Every entry is inflated here with that bound
 * (the sizes a zip declares may lie), before a library unpacks it for real: a zip bomb is refused
 * after at most `maxBytes` of output, never unpacked whole. Zip64, encryption and unknown methods are refused.
 */
export function zipWithin(bytes: Uint8Array, maxBytes: number, maxEntries = 10_000): 'ok' | 'tooLarge' | 'broken' {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEnd(view);
  if (end < 0) return 'broken';
  const count = view.getUint16(end + 10, true);
  if (count > maxEntries || count === 0xffff) return count === 0xffff ? 'broken' : 'tooLarge';
  let at = view.getUint32(end + 16, true);
  let left = maxBytes;
  try {
    for (let n = 0; n < count; n++) {
      if (at + 46 > view.byteLength || view.getUint32(at, true) !== 0x02014b50) return 'broken';
      const flags = view.getUint16(at + 8, true);
      const method = view.getUint16(at + 10, true);
      const packed = view.getUint32(at + 20, true);
      const local = view.getUint32(at + 42, true);
      if (flags & 1 || packed === 0xffffffff || (method !== 0 && method !== 8)) return 'broken';
      if (local + 30 > view.byteLength || view.getUint32(local, true) !== 0x04034b50) return 'broken';
      const data = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      if (data + packed > view.byteLength) return 'broken';
      const size = method === 0 ? packed : inflateRawSync(bytes.subarray(data, data + packed), { maxOutputLength: Math.max(1, left) }).length;
      left -= size;
      if (left < 0) return 'tooLarge';
      at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
  } catch (e) {
    return (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError ? 'tooLarge' : 'broken';
  }
  return 'ok';
}

/** The end-of-central-directory record, searched from the end (a comment may follow it). */
function findEnd(view: DataView): number {
  for (let i = view.byteLength - 22; i >= Math.max(0, view.byteLength - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) return i;
  }
  return -1;
}

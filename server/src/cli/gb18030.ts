/**
 * GB18030 both ways, for writing a fixed report back in the encoding it was read in (TextEncoder writes
 * UTF-8 only). iconv-lite is about half of a bundle's code, so this is its own bundle, `dist/gb18030.js`,
 * loaded when a GB18030 file is first written back (fix.ts): a check, a worker thread and `--version` go without it.
 */
import iconv from 'iconv-lite';

export const encodeGb18030 = (s: string): Uint8Array => iconv.encode(s, 'gb18030');
export const decodeGb18030 = (b: Uint8Array): string => iconv.decode(Buffer.from(b), 'gb18030');

/** What a received file is imported as. */
export type ImportKind = 'docx' | 'pdf' | 'html';

/** What a file is, by its name (.docx, .pdf, .html, .htm) and, for Word and PDF, its first bytes (a zip, `%PDF`). */
export function importKind(path: string, bytes: Uint8Array): ImportKind | null {
  if (/\.pdf$/i.test(path)) return bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 ? 'pdf' : null;
  if (/\.docx$/i.test(path)) return bytes[0] === 0x50 && bytes[1] === 0x4b ? 'docx' : null;
  if (/\.html?$/i.test(path)) return 'html';
  return null;
}

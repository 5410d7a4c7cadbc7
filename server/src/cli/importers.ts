import mammoth from 'mammoth';
import { extractTextItems, getDocumentProxy } from 'unpdf';
import { importHtml } from '../core/import/html';
import { importPdf, type PdfTextItem } from '../core/import/pdf';
import { msg, type Message } from '../core/l10n/text';
import { decodeText } from '../core/text/decode';
import { CLI_TEXT } from './messages';
import { zipWithin } from './zipBound';
import type { ImportKind } from './importKind';

// Reading received .docx, .pdf and saved web pages into the canonical layout (core/import). No file
// access here: bytes in, text out, so that the CLI and the VS Code client share it. Loaded on first use
// only, through loadImporters.ts.

/** How much a Word file may unpack to, and how much text an import may make, per MB of the file's size limit. */
export const IMPORT_LIMITS = { unpackedPerMb: 8, textPerMb: 4, maxPages: 2000 };

export type Imported = { ok: true; text: string } | { ok: false; problem: Message };

/** A received report in the canonical layout; `limitMb` is the size limit the file itself was read under. */
export async function importReport(path: string, bytes: Uint8Array, kind: ImportKind, limitMb: number): Promise<Imported> {
  const maxText = Math.floor(IMPORT_LIMITS.textPerMb * limitMb * 1024 * 1024);
  try {
    let text: string;
    if (kind === 'docx') {
      const zip = zipWithin(bytes, Math.floor(IMPORT_LIMITS.unpackedPerMb * limitMb * 1024 * 1024));
      if (zip !== 'ok') return { ok: false, problem: msg(zip === 'tooLarge' ? CLI_TEXT.importUnpackTooLarge : CLI_TEXT.importBroken, { path, kind: 'Word' }) };
      const html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value;
      if (html.length > maxText) return { ok: false, problem: msg(CLI_TEXT.importTextTooLarge, { path }) };
      text = importHtml(html);
    } else if (kind === 'pdf') {
      const pages = await pdfPages(bytes, maxText);
      if (!pages) return { ok: false, problem: msg(CLI_TEXT.importTextTooLarge, { path }) };
      text = importPdf(pages);
    } else {
      text = importHtml(decodeText(bytes));
    }
    if (!text.trim()) return { ok: false, problem: msg(kind === 'pdf' ? CLI_TEXT.importNoTextPdf : CLI_TEXT.importNoText, { path }) };
    return { ok: true, text };
  } catch (e) {
    return { ok: false, problem: msg(CLI_TEXT.importFailed, { path, reason: e instanceof Error ? e.message : String(e) }) };
  }
}

/** The text runs of every page, or null when there are more pages or more text than the limits allow. */
async function pdfPages(bytes: Uint8Array, maxText: number): Promise<PdfTextItem[][] | null> {
  // pdf.js takes the buffer over: give it a copy.
  const doc = await getDocumentProxy(new Uint8Array(bytes));
  try {
    if (doc.numPages > IMPORT_LIMITS.maxPages) return null;
    const { items } = await extractTextItems(doc);
    let chars = 0;
    for (const page of items) for (const it of page) chars += it.str.length;
    return chars > maxText ? null : items;
  } finally {
    await doc.loadingTask.destroy();
  }
}

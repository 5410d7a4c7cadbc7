/**
 * A report's bytes as an editor shows them: UTF-8 (a BOM dropped), or GB18030 — the encoding many
 * Chinese Windows tools still save text in — when the bytes are not UTF-8. TextDecoder exists in
 * Node and in web workers alike, so the core may use it; an adapter may give a faster way to decode
 * UTF-8 (`utf8`: the text, or null when the bytes are not UTF-8).
 */
// `ignoreBOM`: the BOM is kept, and dropped below, once (TextDecoder would drop it, and a second one below).
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export type Utf8Decoder = (bytes: Uint8Array) => string | null;

export function decodeText(bytes: Uint8Array, utf8: Utf8Decoder = strictUtf8): string {
  const text = utf8(bytes) ?? new TextDecoder('gb18030').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** UTF-8 by TextDecoder, or null when the bytes are not UTF-8. */
export function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return strict.decode(bytes);
  } catch {
    return null;
  }
}

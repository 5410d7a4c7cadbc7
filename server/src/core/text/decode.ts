/**
 * A report's bytes as an editor shows them: UTF-8 (a BOM dropped), or GB18030 — the encoding many
 * Chinese Windows tools still save text in — when the bytes are not UTF-8. TextDecoder exists in
 * Node and in web workers alike, so the core may use it.
 */
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

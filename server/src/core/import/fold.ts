import { foldRadicals } from '../text/normalize';

/**
 * Compatibility characters that PDF extraction and Word's fonts put for ordinary ones, folded to what
 * the author typed: Kangxi radicals (⼀ U+2F00 for 一), CJK radical look-alikes (⻓ for 长), CJK
 * compatibility ideographs, full-width Latin letters and digits. Punctuation is left to `punctuation.ts`.
 */
export function foldCompatibility(s: string): string {
  return foldRadicals(s.replace(COMPATIBILITY, (c) => c.normalize('NFKC')));
}

// Kangxi radicals, CJK compatibility ideographs (and their supplement), full-width digits and letters.
const COMPATIBILITY = /[\u2f00-\u2fdf\uf900-\ufaff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]|\ud87e[\udc00-\ude1f]/g;

import type { CellKind, CellProblem } from '../model';
import { fold } from '../text/normalize';

const INTEGER = /^(\d{1,3}(?:,\d{3})+|\d+)$/;
const DECIMAL = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/;
const SIGNED = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)$/;
const MAX_DIGITS = 12;

export interface ParsedValue {
  value: number | null;
  problem: CellProblem | null;
}

/** Reads a cell as a value of the given kind: full-width digits and thousands separators are accepted. */
export function parseValue(text: string, kind: CellKind): ParsedValue {
  const t = fold(text).trim();
  if (!t) return { value: null, problem: 'blank' };
  if (t.replace(/\D/g, '').length > MAX_DIGITS) return { value: null, problem: 'notNumber' };
  if (kind === 'signed') {
    const m = SIGNED.exec(t);
    if (!m) return { value: null, problem: DECIMAL.test(t.replace(/^[+-]/, '')) ? 'notWhole' : 'notNumber' };
    const n = Number(m[2].replace(/,/g, ''));
    return { value: m[1] === '-' ? -n : n, problem: null };
  }
  if (kind === 'amount') {
    if (DECIMAL.test(t)) return { value: Number(t.replace(/,/g, '')), problem: null };
    if (/^-/.test(t) && DECIMAL.test(t.slice(1))) return { value: null, problem: 'negative' };
    return { value: null, problem: 'notNumber' };
  }
  if (INTEGER.test(t)) return { value: Number(t.replace(/,/g, '')), problem: null };
  if (/^-/.test(t) && DECIMAL.test(t.slice(1))) return { value: null, problem: 'negative' };
  if (/^\+/.test(t) && INTEGER.test(t.slice(1))) return { value: Number(t.slice(1).replace(/,/g, '')), problem: null };
  if (DECIMAL.test(t)) return { value: null, problem: 'notWhole' };
  return { value: null, problem: 'notNumber' };
}

/** A plain number as written (ASCII or full-width digits, sign, separators): never a label. */
export function isPlainNumber(text: string): boolean {
  if (text.length === 0 || text.length > 20) return false;
  let digit = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) digit = true;
    else if (c !== 43 && c !== 45 && c !== 44 && c !== 46 && c !== 32 && c !== 0xff0e && c !== 0xff0c) return false;
  }
  return digit;
}

/** Could this cell be a value (a number, a placeholder such as '/', or a number with a unit)? */
export function looksLikeValue(text: string): boolean {
  if (isPlainNumber(text)) return true;
  if (text.length > 100) return false;
  const t = fold(text).trim();
  if (!t) return true;
  if (t.length > 16) return false;
  if (/\d/.test(t)) return true;
  return /^[/\\\-—–_~×xX*.·、无否空]+$/.test(t) || t === '无' || t === '暂无' || t === '不适用';
}

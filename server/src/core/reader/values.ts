import type { CellKind, CellProblem } from '../model';
import { fold, foldDigits } from '../text/normalize';

const INTEGER = /^(\d{1,3}(?:,\d{3})+|\d+)$/;
const DECIMAL = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/;
const SIGNED = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)$/;
/** A sign and zeros: '-0', '－０', '-0.00' are zero, not negative. */
const SIGNED_ZERO = /^[+-][0,.]*0[0,.]*$/;

/** The most digits a cell may hold; a number with more is too large to be a count or an amount. */
export const MAX_DIGITS = 12;

export interface ParsedValue {
  value: number | null;
  problem: CellProblem | null;
}

/**
 * Reads a cell as a value of the given kind. Digits are ASCII or full-width only (with full-width
 * signs and separators): '1²', '⑫', '𝟏𝟐' are not numbers, though NFKC would read them as 12.
 */
export function parseValue(text: string, kind: CellKind): ParsedValue {
  const t = foldDigits(text).trim();
  if (!t) return { value: null, problem: 'blank' };
  if (digitCount(t) > MAX_DIGITS) return { value: null, problem: 'notNumber' };
  if (SIGNED_ZERO.test(t)) return parseValue(t.slice(1), kind);
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

function digitCount(t: string): number {
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/** A cell written as a number (digits, sign, separators) with more digits than a cell may hold. */
export function isTooLarge(text: string): boolean {
  const t = foldDigits(text).trim();
  return digitCount(t) > MAX_DIGITS && DECIMAL.test(t.replace(/^[+-]/, ''));
}

/** Can this computed value be written into a cell (and read back as itself)? */
export function fitsCell(value: number | string): boolean {
  if (typeof value === 'number' && !(Number.isFinite(value) && Math.abs(value) < 10 ** MAX_DIGITS)) return false;
  return digitCount(String(value)) <= MAX_DIGITS;
}

/** A plain number as written (ASCII or full-width digits, sign, separators), of any length: never a label. */
export function isPlainNumber(text: string): boolean {
  if (text.length === 0) return false;
  let digit = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) digit = true;
    else if (c !== 43 && c !== 45 && c !== 44 && c !== 46 && c !== 32 && c !== 0xff0e && c !== 0xff0c) return false;
  }
  return digit;
}

const DIGITS_ONLY = /^[+\-]?[\p{Nd}\p{No}][\p{Nd}\p{No}+\-,.\s]*$/u;

/** Could this cell be a value (a number, a placeholder such as '/', or a number with a unit)? */
export function looksLikeValue(text: string): boolean {
  if (isPlainNumber(text)) return true;
  if (text.length > 100) return false;
  const t = fold(text).trim();
  if (!t) return true;
  // Any script's digits, of any length ('١٢', '⑳⑳⑳⑳⑳⑳⑳⑳⑳'): one cell, though not a number.
  if (DIGITS_ONLY.test(t)) return true;
  if (t.length > 16) return false;
  if (/\p{Nd}/u.test(t)) return true;
  return /^[/\\\-—–_~×xX*.·、无否空]+$/.test(t) || t === '无' || t === '暂无' || t === '不适用';
}

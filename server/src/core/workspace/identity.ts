import type { Report } from '../model';
import { readHeader } from '../reader/header';
import { findHeadings } from '../reader/headings';
import { splitAtParts } from '../reader/pieces';
import { fold } from '../text/normalize';
import { ownCopy } from '../text/ownCopy';
import { readSource, type SourceText } from '../text/source';

/** Who issued a report and for which year: what the workspace index files it under. */
export interface ReportIdentity {
  /** The issuing body as a key (`bodyKey`), not for display. */
  body: string;
  /** The body as the report writes it. */
  name: string;
  year: number;
}

/** Brackets, quotes and separators a body's name is written with in one year and not the next. */
const NOISE = /[\s\u3000()（）〔〕［］[\]【】〈〉<>《》「」『』"'“”‘’·•.,，、:：;；_-]/g;

/**
 * A body's name as a key: folded (full-width and Traditional forms, radical look-alikes), without
 * spacing, brackets or quotes — `某市人民政府办公室（某市政务公开办）` and `某市人民政府办公室〔某市政务公开办〕`
 * are one body.
 */
export function bodyKey(name: string): string {
  return fold(name).replace(NOISE, '');
}

/** A report's identity from its model: the issuer of its title, else the body of its 落款; null without a body or a year. */
export function identityOf(report: Pick<Report, 'issuer' | 'signatory' | 'year'>): ReportIdentity | null {
  const name = report.issuer?.text ?? report.signatory?.text ?? '';
  const body = bodyKey(name);
  if (!report.year || body.length < 2) return null;
  // Copies (text/ownCopy.ts): a batch's index keeps an identity a report, and a cut would keep its text.
  return { body: ownCopy(body), name: ownCopy(name), year: report.year.value };
}

/** A report's identity from its text, reading only its headings and header (no table): how an index files many reports cheaply. */
export function readIdentity(text: string | SourceText): ReportIdentity | null {
  const src = splitAtParts(typeof text === 'string' ? readSource(text) : text);
  return identityOf(readHeader(src, findHeadings(src)));
}

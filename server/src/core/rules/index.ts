import type { Rule } from './types';
import { sectionMissing } from './sectionMissing';
import { sectionOrder } from './sectionOrder';
import { sectionNumeral } from './sectionNumeral';
import { sectionDuplicate } from './sectionDuplicate';
import { tableMissing } from './tableMissing';
import { tableRowMissing } from './tableRowMissing';
import { tableRowUnexpected } from './tableRowUnexpected';
import { tableCellCount } from './tableCellCount';
import { tableOrphanCells } from './tableOrphanCells';
import { tableUnreadable } from './tableUnreadable';
import { cellNotNumber } from './cellNotNumber';
import { cellBlank } from './cellBlank';
import { cellNegative } from './cellNegative';
import { cellUnit } from './cellUnit';
import { rowTotal } from './rowTotal';
import { columnTotal } from './columnTotal';
import { balance } from './balance';
import { groupTotal } from './groupTotal';
import { formatYear } from './formatYear';
import { formatCitation } from './formatCitation';
import { activeTablePlausibility } from './activeTablePlausibility';
import { sectionExtra } from './sectionExtra';
import { introPartCount } from './introPartCount';
import { preambleMissing } from './preambleMissing';
import { feeStatementMissing } from './feeStatementMissing';
import { feeNoticeContradiction } from './feeNoticeContradiction';
import { accountabilityMissing } from './accountabilityMissing';
import { reportPeriod } from './reportPeriod';
import { reportDeadline } from './reportDeadline';
import { proseTableMismatch } from './proseTableMismatch';
import { prosePercentage } from './prosePercentage';
import { textResidue } from './textResidue';
import { traditionalScript } from './traditionalScript';
import { carryOverAcrossYears } from './carryOverAcrossYears';
import { stockAcrossYears } from './stockAcrossYears';
import { copiedText } from './copiedText';
import { yearLeftBehind } from './yearLeftBehind';
import { reportIdentity } from './reportIdentity';
import { copiedAcrossBodies } from './copiedAcrossBodies';

/** Every rule, in the order their diagnostics are listed for one place. */
export const RULES: readonly Rule[] = [
  sectionMissing, sectionOrder, sectionNumeral, sectionDuplicate,
  tableMissing, tableUnreadable, tableRowMissing, tableRowUnexpected, tableCellCount, tableOrphanCells,
  cellNotNumber, cellUnit, cellBlank, cellNegative,
  rowTotal, columnTotal, balance, groupTotal,
  formatYear, formatCitation, activeTablePlausibility,
  sectionExtra, introPartCount, preambleMissing, feeStatementMissing, feeNoticeContradiction, accountabilityMissing,
  reportPeriod, reportDeadline,
  proseTableMismatch, prosePercentage,
  textResidue, traditionalScript,
  carryOverAcrossYears, stockAcrossYears, copiedText, copiedAcrossBodies, yearLeftBehind, reportIdentity,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

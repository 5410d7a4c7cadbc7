/* The export request's protocol: imported by the client too, so it imports nothing. */

/**
 * Request `nianbao/export`: an open report as a Word file or a web page, made by the server (the one
 * reader of the text). The answer says what stands in the way (`problems`, `blanks`); the content comes
 * only when there are no problems or the user chose to export anyway (`force`). The client writes it.
 */
export const EXPORT_REQUEST = 'nianbao/export';

export interface ExportParams {
  uri: string;
  to: 'docx' | 'html';
  /** Export even though the report has problems (the user confirmed). */
  force?: boolean;
  /** Write blank cells as 0 (the user agreed). */
  blankAsZero?: boolean;
}

export interface ExportProblem {
  rule: string;
  /** 0-based. */
  line: number;
  message: string;
}

export interface ExportResult {
  problems: ExportProblem[];
  /** Value cells blank in the text. */
  blanks: number;
  /** The file: base64 for docx, the page's text for html; absent when problems stop the export. */
  content?: string;
}

/* The table preview's protocol: imported by the client too, so it imports nothing. */

/**
 * Request `nianbao/preview`: the page of an open report's tables (core/preview/tables.ts), drawn from the
 * server's reading of the text as it is now, with the cells its diagnostics point at marked. `null` when the
 * document is not open as a report.
 */
export const PREVIEW_REQUEST = 'nianbao/preview';

export interface PreviewParams {
  uri: string;
  /** The nonce of the page's script and style (the webview's Content-Security-Policy): base64, 16 to 128 characters. */
  nonce: string;
}

export interface PreviewResult {
  html: string;
  /** The document version the page was drawn for. */
  version: number | null;
}

/**
 * The Word writer (the `docx` library) loaded when a report is first exported to Word, not at start-up:
 * a check, a worker thread and the language server's start go without it (about 8 MB and 10 ms a
 * process). In the bundles this import is `dist/docx-writer.js`, beside the bundle that loads it (esbuild.mjs).
 */
export const loadDocxWriter = (): Promise<typeof import('./docx')> => import('./docx');

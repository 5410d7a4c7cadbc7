/**
 * The importers (mammoth and pdf.js: two thirds of the code) loaded when a file is first imported, not at
 * start-up: a check of text files, the language client's activation and every worker thread go without
 * them. In the bundles this import is `dist/importers.js`, beside the bundle that loads it (esbuild.mjs).
 */
export const loadImporters = (): Promise<typeof import('./importers')> => import('./importers');

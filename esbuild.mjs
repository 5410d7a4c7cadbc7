// Bundles the three public entry points into dist/: client.js (the extension's main),
// server.js (the language server, also `node dist/server.js --stdio`) and cli.js (the checker, with cli-worker.js);
// importers.js (mammoth, pdf.js), which the CLI and the client load from beside them on first import only;
// docx-writer.js (the docx library), which the CLI and the language server load on the first export to Word; and
// gb18030.js (iconv-lite), which the CLI loads when it first writes a fixed GB18030 file back.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  legalComments: 'none',
  // jsonc-parser's default entry is UMD, whose relative requires esbuild cannot follow: take its ES modules.
  mainFields: ['module', 'main'],
};

/**
 * `import('./importers')` in loadImporters.ts, `import('./docx')` in loadDocx.ts and `require('./gb18030')` in
 * fix.ts stay an import or a require at run time, of dist/importers.js, dist/docx-writer.js and dist/gb18030.js,
 * not bundled in.
 */
const LAZY = [
  { specifier: './importers', loader: /loadImporters\.ts$/, path: './importers.js', kind: 'dynamic-import' },
  { specifier: './docx', loader: /loadDocx\.ts$/, path: './docx-writer.js', kind: 'dynamic-import' },
  { specifier: './gb18030', loader: /cli[\\/]fix\.ts$/, path: './gb18030.js', kind: 'require-call' },
];
const lazyModules = {
  name: 'lazy-modules',
  setup(build) {
    const specifiers = LAZY.map((l) => l.specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    build.onResolve({ filter: new RegExp(`^(?:${specifiers.join('|')})$`) }, (args) => {
      const lazy = LAZY.find((l) => l.specifier === args.path && l.loader.test(args.importer) && l.kind === args.kind);
      return lazy ? { path: lazy.path, external: true } : undefined;
    });
  },
};

const entries = [
  { in: 'server/src/cli/bin.ts', out: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The CLI's worker threads (server/src/cli/pool.ts), found beside cli.js.
  { in: 'server/src/cli/worker.ts', out: 'dist/cli-worker.js' },
  { in: 'server/src/lsp/main.ts', out: 'dist/server.js' },
  { in: 'client/src/extension.ts', out: 'dist/client.js', external: ['vscode'] },
  { in: 'server/src/cli/importers.ts', out: 'dist/importers.js' },
  { in: 'server/src/export/docx.ts', out: 'dist/docx-writer.js' },
  { in: 'server/src/cli/gb18030.ts', out: 'dist/gb18030.js' },
].filter((e) => existsSync(e.in));

const contexts = await Promise.all(
  entries.map((e) =>
    esbuild.context({
      ...common,
      entryPoints: [e.in],
      outfile: e.out,
      external: e.external ?? [],
      banner: e.banner,
      plugins: [lazyModules],
    }),
  ),
);

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}

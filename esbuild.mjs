// Bundles the three public entry points into dist/: client.js (the extension's main),
// server.js (the language server, also `node dist/server.js --stdio`) and cli.js (the checker, with cli-worker.js);
// importers.js (mammoth, pdf.js), which the CLI and the client load from beside them on first import only; and
// docx-writer.js (the docx library), which the CLI and the language server load on the first export to Word.
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
 * `import('./importers')` in loadImporters.ts and `import('./docx')` in loadDocx.ts stay imports at run
 * time, of dist/importers.js and dist/docx-writer.js, not bundled in.
 */
const LAZY = [
  { specifier: './importers', loader: /loadImporters\.ts$/, path: './importers.js' },
  { specifier: './docx', loader: /loadDocx\.ts$/, path: './docx-writer.js' },
];
const lazyModules = {
  name: 'lazy-modules',
  setup(build) {
    const specifiers = LAZY.map((l) => l.specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    build.onResolve({ filter: new RegExp(`^(?:${specifiers.join('|')})$`) }, (args) => {
      const lazy = LAZY.find((l) => l.specifier === args.path && l.loader.test(args.importer));
      return args.kind === 'dynamic-import' && lazy ? { path: lazy.path, external: true } : undefined;
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

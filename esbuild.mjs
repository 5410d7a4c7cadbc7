// Bundles the three public entry points into dist/: client.js (the extension's main),
// server.js (the language server, also `node dist/server.js --stdio`) and cli.js (the checker, with cli-worker.js);
// and importers.js (mammoth, pdf.js), which the CLI and the client load from beside them on first import only.
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

/** `import('./importers')` in loadImporters.ts stays an import at run time, of dist/importers.js, not bundled in. */
const lazyImporters = {
  name: 'lazy-importers',
  setup(build) {
    build.onResolve({ filter: /^\.\/importers$/ }, (args) =>
      args.kind === 'dynamic-import' && /loadImporters\.ts$/.test(args.importer) ? { path: './importers.js', external: true } : undefined,
    );
  },
};

const entries = [
  { in: 'server/src/cli/bin.ts', out: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The CLI's worker threads (server/src/cli/pool.ts), found beside cli.js.
  { in: 'server/src/cli/worker.ts', out: 'dist/cli-worker.js' },
  { in: 'server/src/lsp/main.ts', out: 'dist/server.js' },
  { in: 'client/src/extension.ts', out: 'dist/client.js', external: ['vscode'] },
  { in: 'server/src/cli/importers.ts', out: 'dist/importers.js' },
].filter((e) => existsSync(e.in));

const contexts = await Promise.all(
  entries.map((e) =>
    esbuild.context({
      ...common,
      entryPoints: [e.in],
      outfile: e.out,
      external: e.external ?? [],
      banner: e.banner,
      plugins: [lazyImporters],
    }),
  ),
);

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}

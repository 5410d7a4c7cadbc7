// Bundles bench/bench.ts (so the figures are those of the built code, not of a TypeScript loader) and runs it,
// after building dist/ (the whole-process figures run dist/cli.js).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';

if (spawnSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' }).status !== 0) process.exit(1);
await esbuild.build({
  entryPoints: ['bench/bench.ts'], outfile: 'bench/.out/bench.mjs', bundle: true, platform: 'node', format: 'esm', target: 'node20',
  banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
  define: { __dirname: 'import.meta.dirname' },
  logLevel: 'warning',
  // jsonc-parser's default entry is UMD, whose relative requires esbuild cannot follow (as in esbuild.mjs).
  mainFields: ['module', 'main'],
});
const r = spawnSync(process.execPath, ['--expose-gc', 'bench/.out/bench.mjs', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);

// Bundles bench/bench.ts (so the figures are those of the built code, not of a TypeScript loader) and runs it.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';

await esbuild.build({
  entryPoints: ['bench/bench.ts'], outfile: 'bench/.out/bench.mjs', bundle: true, platform: 'node', format: 'esm', target: 'node20',
  banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
  define: { __dirname: 'import.meta.dirname' },
  logLevel: 'warning',
});
const r = spawnSync(process.execPath, ['--expose-gc', 'bench/.out/bench.mjs', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);

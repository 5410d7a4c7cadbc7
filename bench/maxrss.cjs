// Preloaded by the benchmark into the CLI it runs: at exit, the process's peak RSS (KiB, worker threads
// included) to the file NIANBAO_BENCH_RSS names.
process.on('exit', () => require('node:fs').writeFileSync(process.env.NIANBAO_BENCH_RSS, String(process.resourceUsage().maxRSS)));

import { readFileSync, writeFileSync } from 'node:fs';

/**
 * The command line of a script that writes a generated file: writes it, or with `--check` exits 1
 * when the committed file is stale; `--file PATH` writes or checks another file (tests use it).
 */
export function writeGenerated(argv: string[], defaultPath: string, text: string, script: string, what: string): number {
  const at = argv.indexOf('--file');
  const file = at >= 0 ? argv[at + 1] : defaultPath;
  if (!file) {
    console.error('--file needs a path');
    return 2;
  }
  if (argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      /* missing: stale */
    }
    if (current !== text) {
      console.error(`${file} is stale: run \`npx tsx ${script}\` and commit the result.`);
      return 1;
    }
    console.log(`${what} up to date`);
    return 0;
  }
  writeFileSync(file, text);
  console.log(`wrote ${file}`);
  return 0;
}

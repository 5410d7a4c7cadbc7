import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
/** The five seed reports (bundled as examples) and the corpus of real excerpts. */
export const SEEDS_DIR = join(ROOT, 'examples');
export const CORPUS_DIR = join(ROOT, 'test', 'fixtures', 'corpus');

export function seedPath(prefix: string): string {
  const dir = SEEDS_DIR;
  const name = readdirSync(dir).find((n) => n.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  return join(dir, name);
}

export function seed(prefix: string): string {
  return readFileSync(seedPath(prefix), 'utf8');
}

export function corpusFiles(): string[] {
  const dir = CORPUS_DIR;
  return readdirSync(dir).filter((n) => n.endsWith('.txt')).sort().map((n) => join(dir, n));
}

export function corpus(prefix: string): string {
  const f = corpusFiles().find((p) => p.split('/').pop()!.startsWith(prefix));
  if (!f) throw new Error(`no corpus file ${prefix}`);
  return readFileSync(f, 'utf8');
}

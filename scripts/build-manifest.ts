// Writes package.nls.json / package.nls.zh-cn.json from client/src/manifest.ts and the rules' own
// descriptions, and the per-rule settings schema into package.json, so rule ids and texts live in
// one place. `--check` exits 1 when the committed files are stale (a test runs it).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../server/src/core';
import { MANIFEST_TEXT } from '../client/src/manifest';

const root = join(__dirname, '..');
const check = process.argv.includes('--check');
const SEVERITY_NAME = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' } as const;

const texts = { ...MANIFEST_TEXT };
for (const r of RULES) texts[`rule.${r.id}`] = r.description;

const outputs = new Map<string, string>();
const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';
outputs.set('package.nls.json', json(Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, v.en]))));
outputs.set('package.nls.zh-cn.json', json(Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, v.zh]))));

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const props = pkg.contributes.configuration.properties;
props['nianbao.rules'].properties = Object.fromEntries(RULES.map((r) => [r.id, {
  type: 'string',
  enum: ['error', 'warning', 'information', 'hint', 'off'],
  default: SEVERITY_NAME[r.severity],
  description: `%rule.${r.id}%`,
}]));
props['nianbao.rules'].additionalProperties = false;
outputs.set('package.json', json(pkg));

let stale = false;
for (const [file, content] of outputs) {
  const path = join(root, file);
  let old = '';
  try {
    old = readFileSync(path, 'utf8');
  } catch {
    // new file
  }
  if (old === content) continue;
  stale = true;
  if (check) console.error(`${file} is out of date: run npx tsx scripts/build-manifest.ts`);
  else writeFileSync(path, content);
}
if (check && stale) process.exit(1);

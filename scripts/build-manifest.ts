// Writes package.nls.json / package.nls.zh-cn.json from client/src/manifest.ts and the rules' own
// descriptions, and the per-rule settings schema into package.json, so rule ids and texts live in
// one place, and the JSON schema of the project configuration (.nianbao.jsonc) from the same texts.
// `--check` exits 1 when the committed files are stale (a test runs it).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { RULES } from '../server/src/core';
import { ACTIVATION_EVENTS, CONFIG_SCHEMA_TEXT, MANIFEST_TEXT } from '../client/src/manifest';
import type { Text } from '../server/src/core';

const root = join(__dirname, '..');
const check = process.argv.includes('--check');
const SEVERITY_NAME = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' } as const;
const SCHEMA = 'schemas/nianbao-config.schema.json';

const texts = { ...MANIFEST_TEXT };
for (const r of RULES) texts[`rule.${r.id}`] = r.description;

const outputs = new Map<string, string>();
const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';
outputs.set('package.nls.json', json(Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, v.en]))));
outputs.set('package.nls.zh-cn.json', json(Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, v.zh]))));

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
pkg.activationEvents = ACTIVATION_EVENTS;
const props = pkg.contributes.configuration.properties;
props['nianbao.rules'].properties = Object.fromEntries(RULES.map((r) => [r.id, {
  type: 'string',
  enum: ['error', 'warning', 'information', 'hint', 'off'],
  default: SEVERITY_NAME[r.severity],
  description: `%rule.${r.id}%`,
}]));
props['nianbao.rules'].additionalProperties = false;
pkg.contributes.jsonValidation = [{ fileMatch: '.nianbao.jsonc', url: `./${SCHEMA}` }];
outputs.set('package.json', json(pkg));
outputs.set(SCHEMA, json(configSchema()));

/** A schema is not translated: Chinese, then English. */
function both(t: Text): string {
  return `${t.zh}\n${t.en}`;
}

function configSchema() {
  const versions = ['auto', '2019', '2021'];
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: '.nianbao.jsonc',
    description: both(CONFIG_SCHEMA_TEXT.title),
    type: 'object',
    allowComments: true,
    allowTrailingCommas: true,
    properties: {
      $schema: { type: 'string' },
      rules: {
        type: 'object',
        description: both(MANIFEST_TEXT['config.rules']),
        properties: Object.fromEntries(RULES.map((r) => [r.id, {
          type: 'string', enum: ['error', 'warning', 'information', 'hint', 'off'], default: SEVERITY_NAME[r.severity], description: both(r.description),
        }])),
        additionalProperties: false,
      },
      formatVersion: {
        type: 'string', enum: versions, default: 'auto', description: both(MANIFEST_TEXT['config.formatVersion']),
        enumDescriptions: versions.map((v) => both(MANIFEST_TEXT[`config.formatVersion.${v}`])),
      },
      blankAsZero: { type: 'boolean', default: false, description: both(MANIFEST_TEXT['config.blankAsZero']) },
      ignore: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true, description: both(CONFIG_SCHEMA_TEXT.ignore) },
    },
    additionalProperties: false,
  };
}

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
  else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
}
if (check && stale) process.exit(1);

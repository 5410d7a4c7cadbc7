import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import ignore, { type Ignore } from 'ignore';
import { msg, type Message } from './l10n/text';
import { RULES } from './rules';
import type { SeveritySetting } from './rules/types';
import { CONFIG_TEXT, SYNTAX_TEXT } from './configText';

/**
 * The project configuration, `.nianbao.jsonc`: what it means, independent of how it is found and read
 * (the CLI reads it from disk, the VS Code client through `workspace.fs`). The nearest file up the
 * folder tree from a report wins; what it says beats the editor settings, which apply where it says nothing.
 */
export const PROJECT_CONFIG_FILE = '.nianbao.jsonc';

export type FormatVersionSetting = 'auto' | '2019' | '2021';

export interface ProjectConfig {
  /** Rule id → severity; only what the file says. */
  rules: Record<string, SeveritySetting>;
  formatVersion?: FormatVersionSetting;
  blankAsZero?: boolean;
  /** Files not checked: .gitignore patterns, relative to the file's folder. */
  ignore: string[];
}

/** Something wrong in the file, at a place in its text. */
export interface ConfigProblem {
  offset: number;
  length: number;
  message: Message;
}

/** The settings a project configuration can set. */
export interface ConfigurableOptions {
  rules: Record<string, SeveritySetting>;
  formatVersion: FormatVersionSetting;
  blankAsZero: boolean;
}

const SEVERITIES: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];
const VERSIONS: readonly string[] = ['auto', '2019', '2021'];
const KEYS = ['$schema', 'rules', 'formatVersion', 'blankAsZero', 'ignore'];

/**
 * Reads the file's text (JSON with comments and trailing commas). Whatever can be read applies, as
 * VS Code does with a settings file that has errors; every problem is returned with its offset.
 */
export function parseProjectConfig(text: string): { config: ProjectConfig; problems: ConfigProblem[] } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const problems: ConfigProblem[] = errors.map((e) => ({ offset: e.offset, length: e.length, message: msg(CONFIG_TEXT.syntax, { what: SYNTAX_TEXT[e.error] ?? SYNTAX_TEXT[1] }) }));
  const config: ProjectConfig = { rules: {}, ignore: [] };
  if (!root) return { config, problems };
  if (root.type !== 'object') return { config, problems: [...problems, at(root, msg(CONFIG_TEXT.notObject))] };
  for (const prop of root.children ?? []) {
    const [keyNode, value] = prop.children ?? [];
    if (!keyNode || !value) continue;
    const key = String(keyNode.value);
    if (key === 'rules') readRules(value, config, problems);
    else if (key === 'formatVersion') {
      if (value.type === 'string' && VERSIONS.includes(value.value)) config.formatVersion = value.value as FormatVersionSetting;
      else problems.push(at(value, msg(CONFIG_TEXT.badFormatVersion, { value: shown(text, value) })));
    } else if (key === 'blankAsZero') {
      if (value.type === 'boolean') config.blankAsZero = value.value as boolean;
      else problems.push(at(value, msg(CONFIG_TEXT.badBoolean, { value: shown(text, value) })));
    } else if (key === 'ignore') readIgnore(text, value, config, problems);
    else if (key !== '$schema') problems.push(at(keyNode, msg(CONFIG_TEXT.unknownKey, { key, keys: { zh: KEYS.slice(1).join('、'), en: KEYS.slice(1).join(', ') } })));
  }
  return { config, problems: problems.sort((a, b) => a.offset - b.offset) };
}

function readRules(node: Node, config: ProjectConfig, problems: ConfigProblem[]): void {
  if (node.type !== 'object') {
    problems.push(at(node, msg(CONFIG_TEXT.rulesNotObject)));
    return;
  }
  const known = new Set(RULES.map((r) => r.id));
  for (const prop of node.children ?? []) {
    const [keyNode, value] = prop.children ?? [];
    if (!keyNode || !value) continue;
    const rule = String(keyNode.value);
    if (!known.has(rule)) problems.push(at(keyNode, msg(CONFIG_TEXT.unknownRule, { rule })));
    else if (value.type === 'string' && SEVERITIES.includes(value.value)) config.rules[rule] = value.value as SeveritySetting;
    else problems.push(at(value, msg(CONFIG_TEXT.badSeverity, { rule })));
  }
}

function readIgnore(text: string, node: Node, config: ProjectConfig, problems: ConfigProblem[]): void {
  if (node.type !== 'array') {
    problems.push(at(node, msg(CONFIG_TEXT.badIgnore)));
    return;
  }
  for (const item of node.children ?? []) {
    if (item.type !== 'string' || !String(item.value).trim()) problems.push(at(item, msg(CONFIG_TEXT.badPattern, { value: shown(text, item) })));
    else if (!boundedPattern(item.value)) problems.push(at(item, msg(CONFIG_TEXT.costlyPattern, { pattern: item.value })));
    else config.ignore.push(item.value);
  }
}

/**
 * Can the pattern be matched in time on any path? The `ignore` package turns `**` into regular
 * expressions that backtrack: two `**` besides a leading `**∕` and a trailing `∕**` take seconds on
 * a deep path (`a/**∕**∕b`, `**∕a/**∕b`), so a pattern may have at most one of them.
 */
export function boundedPattern(pattern: string): boolean {
  if (pattern.length > 1000) return false;
  const leading = /^!?(\*\*\/)+/.test(pattern) ? 1 : 0;
  const rest = pattern.replace(/^!?(\*\*\/)+/, '').replace(/(\/\*\*)+\/?$/, '');
  return leading + (rest.match(/\*\*/g)?.length ?? 0) <= 1;
}

function at(node: Node, message: Message): ConfigProblem {
  return { offset: node.offset, length: node.length, message };
}

/** A value as written, shortened: problems quote it. */
function shown(text: string, node: Node): string {
  const s = text.slice(node.offset, node.offset + node.length);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** The settings with the project configuration applied: what it says wins. */
export function applyProjectConfig<T extends ConfigurableOptions>(base: T, config: ProjectConfig): T {
  return {
    ...base,
    rules: { ...base.rules, ...config.rules },
    formatVersion: config.formatVersion ?? base.formatVersion,
    blankAsZero: config.blankAsZero ?? base.blankAsZero,
  };
}

const matchers = new WeakMap<ProjectConfig, Ignore>();

/**
 * Does the configuration leave this file unchecked? `path` is relative to the configuration's folder,
 * with `/` between names; a path outside that folder is never ignored.
 */
export function isIgnored(config: ProjectConfig, path: string): boolean {
  if (config.ignore.length === 0 || !path || path.startsWith('/') || path === '..' || path.startsWith('../')) return false;
  let m = matchers.get(config);
  if (!m) matchers.set(config, (m = ignore().add(config.ignore)));
  return m.ignores(path);
}

/** The path of `uri` relative to the folder of the configuration file at `configUri`, or null when outside it. */
export function relativeToConfig(configUri: string, uri: string): string | null {
  const folder = configUri.slice(0, configUri.lastIndexOf('/') + 1);
  if (!folder || !uri.startsWith(folder)) return null;
  try {
    return decodeURIComponent(uri.slice(folder.length).split(/[?#]/)[0]);
  } catch {
    return null;
  }
}

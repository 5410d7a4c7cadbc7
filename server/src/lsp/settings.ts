import type { Connection } from 'vscode-languageserver';
import type { SeveritySetting } from '../core';
import { applyProjectConfig, isIgnored, parseProjectConfig, relativeToConfig, type ProjectConfig } from '../core/config';
import { DEFAULT_MAX_FILE_SIZE_MB } from '../core/limits';
import { parseBaseline, type BaselineEntry, type BaselineRead } from '../core/baseline';

/** The `nianbao.*` settings the server reads (the client declares them in package.json). */
export interface ServerSettings {
  rules: Record<string, SeveritySetting>;
  formatVersion: 'auto' | '2019' | '2021';
  /** Above this size (MB) only the cheap structural checks run. */
  maxFileSize: number;
  /** Check the sums counting blank cells as 0. */
  blankAsZero: boolean;
  /** The project configuration's `ignore` leaves this document unchecked. */
  ignored?: boolean;
  /** This document's entries of its workspace folder's baseline (`.nianbao-baseline.json`). */
  accepted?: BaselineEntry[];
}

export const DEFAULT_SETTINGS: ServerSettings = { rules: {}, formatVersion: 'auto', maxFileSize: DEFAULT_MAX_FILE_SIZE_MB, blankAsZero: false, ignored: false };

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

/**
 * The settings of one document. `project` is what the client found for it: the nearest
 * `.nianbao.jsonc` (`{ uri, text }`), read by the client (the server reads no file); what it says
 * beats the editor settings. Its problems are the client's to show.
 */
export function sanitize(raw: unknown, uri?: string): ServerSettings {
  const settings = withBaseline(editorSettings(raw), raw, uri);
  const project = (raw as { project?: unknown } | null)?.project as { uri?: unknown; text?: unknown } | undefined;
  if (!project || typeof project.uri !== 'string' || typeof project.text !== 'string') return settings;
  const config = parsed(project.text);
  const path = uri ? relativeToConfig(project.uri, uri) : null;
  return { ...applyProjectConfig(settings, config), ignored: path !== null && isIgnored(config, path) };
}

/** `baseline` is what the client read for the document: its workspace folder's baseline file (`{ uri, text }`). */
function withBaseline(settings: ServerSettings, raw: unknown, uri?: string): ServerSettings {
  const file = (raw as { baseline?: unknown } | null)?.baseline as { uri?: unknown; text?: unknown } | undefined;
  if (!uri || !file || typeof file.uri !== 'string' || typeof file.text !== 'string') return settings;
  const path = relativeToConfig(file.uri, uri);
  if (lastBaseline?.text !== file.text) lastBaseline = { text: file.text, baseline: parseBaseline(file.text) };
  const read = lastBaseline.baseline;
  // A broken file is the client's to say; it accepts nothing.
  return path !== null && read.ok ? { ...settings, accepted: read.baseline.get(path) ?? [] } : settings;
}

let lastBaseline: { text: string; baseline: BaselineRead } | null = null;

let last: { text: string; config: ProjectConfig } | null = null;

/** Every document of a project has the same file: it is read once. */
function parsed(text: string): ProjectConfig {
  if (last?.text !== text) last = { text, config: parseProjectConfig(text).config };
  return last.config;
}

function editorSettings(raw: unknown): ServerSettings {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules: Record<string, SeveritySetting> = {};
  if (s.rules && typeof s.rules === 'object') {
    for (const [k, v] of Object.entries(s.rules as Record<string, unknown>)) if (typeof v === 'string' && SEVERITIES.has(v)) rules[k] = v as SeveritySetting;
  }
  const formatVersion = s.formatVersion === '2019' || s.formatVersion === '2021' ? s.formatVersion : 'auto';
  const size = typeof s.maxFileSize === 'number' && s.maxFileSize > 0 ? s.maxFileSize : DEFAULT_SETTINGS.maxFileSize;
  return { rules, formatVersion, maxFileSize: size, blankAsZero: s.blankAsZero === true, ignored: false };
}

/** Per-document settings through workspace/configuration, cached until the configuration changes. */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<ServerSettings>>();
  supported = false;
  global: ServerSettings = DEFAULT_SETTINGS;

  constructor(private readonly connection: Connection) {}

  get(uri: string): Promise<ServerSettings> {
    if (!this.supported) return Promise.resolve(this.global);
    let p = this.cache.get(uri);
    if (!p) {
      p = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'nianbao' })
        .then((raw: unknown) => sanitize(raw, uri), () => this.global);
      this.cache.set(uri, p);
    }
    return p;
  }

  /** A settings object pushed with didChangeConfiguration (clients without workspace/configuration). */
  changed(raw: unknown): void {
    this.cache.clear();
    const section = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).nianbao : undefined;
    if (section !== undefined) this.global = sanitize(section);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}

/**
 * A small driver for end-to-end tests: the packaged extension (.vsix) in a real VS Code — code-server,
 * VS Code's workbench served to a browser — driven by headless Chromium through playwright-core, the way a
 * clerk would use it (keys, the Problems panel, the quick-fix menu, the command palette).
 *
 * Every session gets a fresh user-data dir, extensions dir and workspace folder (nothing leaks between
 * runs), code-server runs in its own process group and the whole group is ended on close — also when a
 * test fails or the test process is interrupted. Nothing here sleeps a fixed time: every wait polls for
 * a state, with a timeout and a screenshot when the state never comes.
 *
 * Facts this relies on: /work/shared/docs/real-vscode.md. Install code-server first with
 * scripts/e2e/install-code-server.sh.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const REPO = resolve(__dirname, '../..');
export const CODE_SERVER_VERSION = '4.100.3';
/** Where scripts/e2e/install-code-server.sh puts code-server (override with CODE_SERVER_DIR). */
export const CODE_SERVER_DIR = resolve(REPO, process.env.CODE_SERVER_DIR ?? '.vscode-test/code-server');
export const CODE_SERVER_ENTRY = join(CODE_SERVER_DIR, 'node_modules/code-server/out/node/entry.js');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const RESULTS_DIR = resolve(REPO, 'test-results/e2e');

/** Chromium flags: no sandbox as root; no networking it cannot have here (or it keeps retrying unreachable hosts). */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** The user settings of every session: a quiet, predictable workbench that saves exactly what was typed. */
export const DEFAULT_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'files.autoSave': 'off',
  'files.insertFinalNewline': false,
  'files.trimTrailingWhitespace': false,
  'files.trimFinalNewlines': false,
  'editor.formatOnSave': false,
  'editor.formatOnType': false,
  'editor.codeActionsOnSave': {},
  'editor.snippetSuggestions': 'top',
  'editor.minimap.enabled': false,
  'window.restoreWindows': 'none',
  'workbench.editor.enablePreview': false,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
};

// ---------------------------------------------------------------------------------------------------------
// Preconditions

/** Why the e2e tier cannot run here, or null when code-server and Chromium are installed. */
export function missingPrerequisite(): string | null {
  const pkg = join(CODE_SERVER_DIR, 'node_modules/code-server/package.json');
  if (!existsSync(pkg) || !existsSync(CODE_SERVER_ENTRY)) {
    return `code-server is not installed in ${CODE_SERVER_DIR}: run scripts/e2e/install-code-server.sh first`;
  }
  const version = (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
  if (version !== CODE_SERVER_VERSION) {
    return `code-server ${version} is installed in ${CODE_SERVER_DIR}, the tests need ${CODE_SERVER_VERSION}: run scripts/e2e/install-code-server.sh`;
  }
  if (!existsSync(CHROMIUM)) return `Chromium is not installed at ${CHROMIUM}: run scripts/e2e/install-code-server.sh`;
  return null;
}

/** The .vsix to test: $NIANBAO_VSIX, else the newest *.vsix in the repository root; null when there is none. */
export function findVsix(): string | null {
  const fromEnv = process.env.NIANBAO_VSIX;
  if (fromEnv) return existsSync(resolve(fromEnv)) ? resolve(fromEnv) : null;
  const found = readdirSync(REPO)
    .filter((n) => n.endsWith('.vsix'))
    .map((n) => join(REPO, n))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return found[0] ?? null;
}

// ---------------------------------------------------------------------------------------------------------
// Waiting

export interface WaitOptions {
  /** Give up after this long (ms). */
  timeout?: number;
  /** The value must stay the same (by JSON) this long before it counts (ms); 0 to accept the first match. */
  stableFor?: number;
  /** Poll interval (ms). */
  interval?: number;
}

/** Thrown when a wait times out; carries the last value seen (and the screenshot, when the session took one). */
export class WaitTimeout extends Error {
  constructor(message: string, readonly last: unknown) {
    super(message);
  }
}

/**
 * Polls `probe` until it returns a value accepted by `accept` that then stays unchanged for `stableFor` ms.
 * Returns that value. No fixed sleeps: the interval only paces the polling.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T> | T,
  accept: (v: T) => boolean,
  { timeout = 20_000, stableFor = 1_000, interval = 150 }: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  let lastKey: string | undefined;
  let since = 0;
  for (;;) {
    let v: T | undefined;
    let error: unknown;
    try {
      v = await probe();
    } catch (e) {
      error = e;
    }
    const now = Date.now();
    if (error === undefined && accept(v as T)) {
      const key = JSON.stringify(v);
      if (key !== lastKey) {
        lastKey = key;
        since = now;
      }
      if (now - since >= stableFor) return v as T;
    } else {
      lastKey = undefined;
    }
    if (error === undefined) last = v;
    if (now > deadline) {
      const seen = error !== undefined ? `error: ${String(error)}` : `last seen: ${JSON.stringify(last, null, 1)}`;
      throw new WaitTimeout(`timed out after ${timeout} ms waiting for ${what}; ${seen}`, last);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

// ---------------------------------------------------------------------------------------------------------
// The session

export interface SessionOptions {
  /** A name for logs and screenshots (`<name>-<step>.png`). */
  name: string;
  /** The packaged extension to install. */
  vsix: string;
  /** Other .vsix files to install first (e.g. a locale pack). */
  extraExtensions?: string[];
  /** Files to put into the workspace folder before starting: relative path → contents (string or bytes). */
  files?: Record<string, string | Uint8Array>;
  /** User settings on top of DEFAULT_SETTINGS. */
  settings?: Record<string, unknown>;
  /**
   * Workbench locale (`--locale`); default zh-cn. For anything but `en` a stub language pack is installed
   * too (see localeStubVsix): without a language pack VS Code ignores `--locale` and tells extensions
   * `vscode.env.language === 'en'`.
   */
  locale?: string;
  /** Browser viewport; screenshots are this size. */
  viewport?: { width: number; height: number };
  /** Extra environment for code-server (and so for the extension host and the language server). */
  env?: Record<string, string>;
  /** Keep the temporary folders after close (also with NIANBAO_E2E_KEEP=1). */
  keep?: boolean;
}

export interface Timings {
  install: number;
  start: number;
  workbench: number;
}

/** One row of the Problems panel: a file row, or a problem with its message and `[Ln x, Col y]` position. */
export interface ProblemRow {
  kind: 'file' | 'problem';
  /** The row's accessible label (what a screen reader says; includes severity, message and position). */
  label: string;
  /** The problem message as shown (problem rows). */
  message: string;
  /** Problem rows: the diagnostic's source (`nianbao`) and code (the rule id, e.g. `row-total`). */
  source?: string;
  code?: string;
  /** Problem rows: from the row's icon. */
  severity?: 'error' | 'warning' | 'info';
  /** 1-based position, from the row's `[Ln x, Col y]`. */
  line?: number;
  column?: number;
  /** The file name (file rows). */
  file?: string;
}

/**
 * The little of the DOM the page-side callbacks use. (The project compiles without lib "dom" — the core must
 * not see browser globals — so page callbacks cast their elements to this.)
 */
interface Dom {
  innerText: string;
  textContent: string | null;
  className: string;
  classList: { contains(c: string): boolean };
  style: { top: string };
  getAttribute(name: string): string | null;
  querySelector(selector: string): Dom | null;
  querySelectorAll(selector: string): Iterable<Dom>;
}

const live = new Set<Session>();
let exitHooksInstalled = false;

function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  // Last resort: whatever happens to the test process, end every code-server process group it started.
  process.on('exit', () => {
    for (const s of live) s.killGroup('SIGKILL');
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      for (const s of live) s.killGroup('SIGKILL');
      process.kill(process.pid, sig);
    });
  }
}

const localeStubs = new Map<string, { path: string; id: string; version: string }>();

/**
 * A stub language pack for `locale` (a `localizations` contribution with no translations), packaged once per
 * test process with the project's @vscode/vsce. Lets the tests run as in a Chinese VS Code without the real
 * language pack, which cannot be downloaded here.
 */
export function localeStubVsix(locale: string): { path: string; id: string; version: string } {
  const cached = localeStubs.get(locale);
  if (cached && existsSync(cached.path)) return cached;
  const dir = mkdtempSync(join(tmpdir(), `nianbao-e2e-locale-${locale}-`));
  const name = `e2e-locale-${locale}`;
  const publisher = 'nianbao-e2e';
  const version = '1.0.0';
  mkdirSync(join(dir, 'translations'));
  writeFileSync(join(dir, 'translations/main.i18n.json'), JSON.stringify({ version: '1.0.0', contents: {} }));
  writeFileSync(join(dir, 'README.md'), `Stub ${locale} language pack for the nianbao end-to-end tests.\n`);
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name, publisher, version, displayName: `${locale} locale stub (e2e tests)`,
      engines: { vscode: '^1.91.0' }, categories: ['Language Packs'],
      contributes: {
        localizations: [{
          languageId: locale, languageName: locale, localizedLanguageName: locale,
          translations: [{ id: 'vscode', path: './translations/main.i18n.json' }],
        }],
      },
    }),
  );
  const out = join(dir, `${name}.vsix`);
  const vsce = join(REPO, 'node_modules/@vscode/vsce/vsce');
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', out], {
    cwd: dir, encoding: 'utf8', timeout: 60_000,
  });
  if (r.status !== 0 || !existsSync(out)) throw new Error(`packaging the ${locale} locale stub failed:\n${r.stdout}${r.stderr}`);
  const stub = { path: out, id: `${publisher}.${name}`, version };
  localeStubs.set(locale, stub);
  return stub;
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

export class Session {
  readonly root: string;
  readonly workspace: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly logFile: string;
  readonly timings: Timings = { install: 0, start: 0, workbench: 0 };
  port = 0;
  browser: Browser | null = null;
  page!: Page;
  private proc: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private shots = 0;
  /** Messages from the browser console that look like errors (for diagnosing a failure). */
  readonly consoleErrors: string[] = [];

  private constructor(readonly options: SessionOptions) {
    this.root = mkdtempSync(join(tmpdir(), `nianbao-e2e-${options.name}-`));
    this.workspace = join(this.root, 'workspace');
    this.userDataDir = join(this.root, 'user-data');
    this.extensionsDir = join(this.root, 'extensions');
    this.logFile = join(this.root, 'code-server.log');
    for (const d of [this.workspace, join(this.userDataDir, 'User'), this.extensionsDir, join(this.root, 'config')]) {
      mkdirSync(d, { recursive: true });
    }
  }

  /** Installs the .vsix, starts code-server and Chromium and opens the workspace. Cleans up if any step fails. */
  static async start(options: SessionOptions): Promise<Session> {
    installExitHooks();
    const s = new Session(options);
    live.add(s);
    try {
      s.writeWorkspace(options.files ?? {});
      writeFileSync(
        join(s.userDataDir, 'User/settings.json'),
        JSON.stringify({ ...DEFAULT_SETTINGS, ...options.settings }, null, 2),
      );
      const locale = options.locale ?? 'zh-cn';
      if (locale !== 'en') s.installLocale(locale);
      for (const x of options.extraExtensions ?? []) s.installExtension(x);
      s.installExtension(options.vsix);
      await s.startServer();
      await s.openBrowser();
      return s;
    } catch (e) {
      await s.screenshotQuietly('start-failed');
      await s.close();
      throw s.withLog(e);
    }
  }

  private env(): NodeJS.ProcessEnv {
    // Its own config and data dirs, so code-server never writes into the user's ~/.config.
    return {
      ...process.env,
      XDG_CONFIG_HOME: join(this.root, 'config'),
      XDG_DATA_HOME: join(this.root, 'data'),
      VSCODE_PROXY_URI: '',
      // No extension gallery: it is unreachable here, and the tests install what they need from .vsix files.
      EXTENSIONS_GALLERY: '{}',
      ...this.options.env,
    };
  }

  writeWorkspace(files: Record<string, string | Uint8Array>): void {
    for (const [rel, content] of Object.entries(files)) {
      const p = join(this.workspace, rel);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, content);
    }
  }

  /** Reads a workspace file from disk (as saved). */
  readWorkspaceFile(rel: string): string {
    return readFileSync(join(this.workspace, rel), 'utf8');
  }

  private installExtension(vsix: string): void {
    const t = Date.now();
    const r = spawnSync(
      process.execPath,
      [CODE_SERVER_ENTRY, '--install-extension', vsix, '--user-data-dir', this.userDataDir, '--extensions-dir', this.extensionsDir],
      { env: this.env(), encoding: 'utf8', timeout: 120_000 },
    );
    this.timings.install += Date.now() - t;
    const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
    if (r.status !== 0 || !/successfully installed/i.test(out)) {
      throw new Error(`code-server --install-extension ${vsix} failed (exit ${r.status}${r.error ? `, ${r.error.message}` : ''}):\n${out}`);
    }
  }

  /**
   * Makes `locale` the display language, as a Chinese clerk's VS Code with the Chinese language pack has it:
   * installs a stub language pack (no translations: the workbench stays in English, but VS Code resolves
   * the language, so `vscode.env.language` is `zh-cn`, and extensions get their package.nls.zh-cn.json and
   * l10n/bundle.l10n.zh-cn.json) and registers it in languagepacks.json as VS Code itself would.
   */
  installLocale(locale: string): void {
    const vsix = localeStubVsix(locale);
    this.installExtension(vsix.path);
    const dir = join(this.extensionsDir, `${vsix.id}-${vsix.version}`);
    const translations = join(dir, 'translations/main.i18n.json');
    if (!existsSync(translations)) throw new Error(`the locale stub was installed but ${translations} is missing`);
    const hash = createHash('md5').update(vsix.id).update(vsix.version).digest('hex');
    writeFileSync(
      join(this.userDataDir, 'languagepacks.json'),
      JSON.stringify({
        [locale]: { hash, extensions: [{ extensionIdentifier: { id: vsix.id }, version: vsix.version }], translations: { vscode: translations }, label: locale },
      }),
    );
  }

  private async startServer(): Promise<void> {
    const t = Date.now();
    this.port = await freePort();
    const log = openSync(this.logFile, 'a');
    const args = [
      CODE_SERVER_ENTRY,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${this.port}`,
      '--user-data-dir', this.userDataDir,
      '--extensions-dir', this.extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--locale', this.options.locale ?? 'zh-cn',
      this.workspace,
    ];
    // detached: its own process group, so close() can end it together with the children it leaves behind.
    this.proc = spawn(process.execPath, args, { detached: true, stdio: ['ignore', log, log], env: this.env() });
    closeSync(log);
    const proc = this.proc;
    this.exited = new Promise((ok) => proc.once('exit', () => ok()));
    let exitCode: number | null | undefined;
    proc.once('exit', (code) => (exitCode = code));
    await waitFor(
      `code-server to answer on port ${this.port}`,
      async () => {
        if (exitCode !== undefined) throw new Error(`code-server exited with code ${exitCode}`);
        const res = await fetch(`http://127.0.0.1:${this.port}/healthz`);
        return res.ok;
      },
      (ok) => ok,
      { timeout: 60_000, stableFor: 0, interval: 100 },
    ).catch((e) => {
      throw new Error(`${(e as Error).message}\n--- code-server log ---\n${this.logTail()}`);
    });
    this.timings.start = Date.now() - t;
  }

  private async openBrowser(): Promise<void> {
    const t = Date.now();
    this.browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const context = await this.browser.newContext({
      viewport: this.options.viewport ?? { width: 1600, height: 1000 },
      locale: 'zh-CN',
    });
    // tsx compiles with keepNames: functions passed to page.evaluate may call esbuild's __name helper,
    // which the page does not have.
    await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
    this.page = await context.newPage();
    this.page.on('console', (m) => {
      if (m.type() === 'error') this.consoleErrors.push(m.text());
    });
    await this.open();
    this.timings.workbench = Date.now() - t;
  }

  /**
   * (Re)loads the workbench on `folder` (default: the session's workspace) with extra URL parameters, e.g.
   * `payload` (VS Code web's development options: extensionDevelopmentPath, extensionTestsPath).
   */
  async open(params: Record<string, string> = {}, folder = this.workspace): Promise<void> {
    const query = new URLSearchParams({ folder, ...params }).toString();
    await this.page.goto(`http://127.0.0.1:${this.port}/?${query}`);
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The workbench is usable once its status bar is there.
    await this.page.locator('.part.statusbar').waitFor({ timeout: 30_000 });
  }

  /** Where code-server installed an extension: `<extensions-dir>/<publisher>.<name>-<version>`, or null. */
  installedExtensionDir(id: string): string | null {
    const prefix = `${id.toLowerCase()}-`;
    const dir = readdirSync(this.extensionsDir).find((n) => n.toLowerCase().startsWith(prefix) && existsSync(join(this.extensionsDir, n, 'package.json')));
    return dir ? join(this.extensionsDir, dir) : null;
  }

  // -------------------------------------------------------------------------------------------------------
  // Acting as a user

  /** Presses keys in order, e.g. press('Control+P'), press('Escape', 'F8'). */
  async press(...keys: string[]): Promise<void> {
    for (const k of keys) await this.page.keyboard.press(k);
  }

  /** Types text into whatever has focus (an input box, the editor). */
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  /** The quick-input widget (quick open, command palette, input boxes) when visible. */
  get quickInput() {
    return this.page.locator('.quick-input-widget');
  }

  private async openQuickInput(keys: string): Promise<void> {
    await this.focusWorkbench();
    await this.press(keys);
    await this.quickInput.locator('input').first().waitFor({ state: 'visible', timeout: 10_000 });
  }

  /** Clicks into the workbench so keyboard shortcuts reach it (not the browser chrome). */
  async focusWorkbench(): Promise<void> {
    if (await this.quickInput.isVisible()) return;
    const editor = this.page.locator('.editor-group-container.active .monaco-editor textarea').first();
    if (await editor.count()) {
      await editor.focus();
      return;
    }
    await this.page.locator('.monaco-workbench').focus().catch(() => undefined);
  }

  /** Opens a workspace file with Ctrl+P, its name and Enter; waits until its editor is the active one. */
  async openFile(rel: string): Promise<void> {
    const name = rel.split('/').pop()!;
    await this.openQuickInput('Control+P');
    await this.type(rel);
    await waitFor(
      `quick open to list ${rel}`,
      () => this.quickInput.locator('.monaco-list-row').allInnerTexts(),
      (rows) => rows.some((r) => r.includes(name)),
      { timeout: 15_000, stableFor: 300 },
    ).catch((e) => this.fail('open-file', e));
    await this.press('Enter');
    await this.waitForActiveEditor(name);
  }

  /** Waits until the active editor tab is `name` and its text is on screen. */
  async waitForActiveEditor(name: string | RegExp, timeout = 15_000): Promise<void> {
    await waitFor(
      `the active editor to be ${name}`,
      () => this.activeTabTitle(),
      (t) => (typeof name === 'string' ? t === name : name.test(t ?? '')),
      { timeout, stableFor: 200 },
    ).catch((e) => this.fail('active-editor', e));
    await this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().waitFor({ timeout });
    await this.page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
  }

  /** The title of the active editor tab. */
  async activeTabTitle(): Promise<string | null> {
    const tab = this.page.locator('.editor-group-container.active .tab.active .label-name').first();
    return (await tab.count()) ? (await tab.innerText()).trim() : null;
  }

  /**
   * Runs a command from the command palette (Ctrl+Shift+P): types `filter`, waits for a row whose text
   * contains `label` (or matches it), highlights it and presses Enter. `label` is what the user sees, e.g.
   * "Fix All" or "年报: 新建年度报告". The palette lists only the commands known when it opens, and an
   * extension's contributions arrive a moment after the workbench: so when nothing matches, it is closed
   * and opened again until the command shows up (or `timeout`).
   */
  async runCommand(label: string | RegExp, filter = typeof label === 'string' ? label : '', timeout = 30_000): Promise<void> {
    const matches = (t: string) => (typeof label === 'string' ? t.includes(label) : label.test(t));
    const rows = this.quickInput.locator('.monaco-list-row');
    const read = () => rows.evaluateAll((els) => (els as unknown as Dom[]).map((e) => ({ text: e.innerText, focused: e.classList.contains('focused') })));
    const deadline = Date.now() + timeout;
    for (let attempt = 1; ; attempt++) {
      await this.openQuickInput('Control+Shift+P');
      // The palette opens with ">" in the input; keep it and type the filter after it.
      await this.type(filter);
      const listed = await waitFor(`the command palette to list ${label}`, read, (rs) => rs.some((r) => matches(r.text)), {
        timeout: Math.min(4_000, Math.max(500, deadline - Date.now())), stableFor: 300,
      }).catch((e: Error) => e);
      if (!(listed instanceof Error)) {
        for (let i = 0; i < listed.length && !matches((await read()).find((r) => r.focused)?.text ?? ''); i++) await this.press('ArrowDown');
        const focused = (await read()).find((r) => r.focused)?.text ?? '';
        if (!matches(focused)) return this.fail('command-palette', new Error(`could not highlight ${label}; rows: ${JSON.stringify(await read())}`));
        await this.press('Enter');
        return;
      }
      if (Date.now() > deadline) {
        const last = listed instanceof WaitTimeout ? JSON.stringify(listed.last) : listed.message;
        return this.fail('command-palette', new Error(`the command palette never listed ${label} (${attempt} attempts in ${timeout} ms); last rows: ${last}`));
      }
      await this.press('Escape');
      await this.quickInput.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    }
  }

  /** Answers an input box (showInputBox): waits for it, replaces its text with `value`, Enter. */
  async answerInputBox(value: string, expectPrompt?: RegExp): Promise<string> {
    const input = this.quickInput.locator('input').first();
    const prompt = await waitFor(
      `an input box${expectPrompt ? ` asking ${expectPrompt}` : ''}`,
      async () => ((await input.isVisible()) ? await this.quickInput.innerText() : null),
      (t) => t !== null && (!expectPrompt || expectPrompt.test(t)),
      { timeout: 15_000, stableFor: 200 },
    ).catch((e) => this.fail('input-box', e));
    await input.focus();
    await this.press('Control+A');
    await this.type(value);
    await this.press('Enter');
    // The same widget is reused for the next box: wait until this one is gone or shows a new prompt.
    await waitFor(
      'the input box to take the answer',
      async () => ((await input.isVisible()) ? await this.quickInput.innerText() : ''),
      (t) => t !== prompt,
      { timeout: 10_000, stableFor: 0 },
    ).catch((e) => this.fail('input-box-answer', e));
    return prompt ?? '';
  }

  /** The save dialog (code-server's simple file dialog: a quick input holding the path): takes the proposed path ending in `name`. */
  async acceptSaveDialog(name: string): Promise<void> {
    const input = this.quickInput.locator('input').first();
    await waitFor(`the save dialog proposing ${name}`, async () => ((await input.isVisible()) ? await input.inputValue() : ''), (v) => v.endsWith(name), {
      timeout: 15_000, stableFor: 300,
    }).catch((e) => this.fail('save-dialog', e));
    await this.press('Enter');
  }

  // -------------------------------------------------------------------------------------------------------
  // The Problems panel

  /** Opens the Problems panel (Ctrl+Shift+M) unless it is already showing. */
  async openProblems(): Promise<void> {
    const panel = this.page.locator('.markers-panel');
    if (await panel.isVisible()) return;
    await this.focusWorkbench();
    await this.press('Control+Shift+M');
    await panel.waitFor({ state: 'visible', timeout: 10_000 }).catch((e) => this.fail('problems-panel', e));
  }

  /** The rows of the Problems panel as they are now (the panel is opened first). */
  async problemRows(): Promise<ProblemRow[]> {
    await this.openProblems();
    // The panel is a tree: aria-level 1 = a file ("4 problems in file x.txt of folder ."), 2 = a problem,
    // 3 = its related information. The aria-label of a problem row is "Error: <message> at line 91 and
    // character 2. generated by nianbao"; the row shows "<message> nianbao(row-total) [Ln 91, Col 2]".
    return this.page.locator('.markers-panel .monaco-list-row').evaluateAll((els) =>
      (els as unknown as Dom[])
        .map((e) => {
          const label = e.getAttribute('aria-label') ?? '';
          const level = Number(e.getAttribute('aria-level') ?? '0');
          if (level === 1) {
            const file = (e.querySelector('.label-name') as Dom | null)?.innerText.trim() ?? '';
            return { kind: 'file' as const, label, message: '', file };
          }
          if (level !== 2) return null;
          const text = (sel: string) => (e.querySelector(sel) as Dom | null)?.innerText.trim() ?? '';
          const message = text('.marker-message') || e.innerText.trim();
          const icon = e.querySelector('.marker-icon')?.className ?? '';
          const severity = (['error', 'warning', 'info'] as const).find((s) => icon.includes(s));
          const pos = /(\d+)\D+(\d+)/.exec(text('.marker-line'));
          return {
            kind: 'problem' as const, label, message,
            source: text('.marker-source'), code: text('.marker-code'),
            ...(severity ? { severity } : {}),
            ...(pos ? { line: Number(pos[1]), column: Number(pos[2]) } : {}),
          };
        })
        .filter((r) => r !== null),
    );
  }

  /**
   * The related-information rows of the Problems panel (aria-level 3, shown under their problem): the
   * problem's aria-label (`problem`, as in ProblemRow.label), the other file's name, position and message.
   */
  async relatedInformation(): Promise<{ problem: string; file: string; line?: number; column?: number; message: string }[]> {
    await this.openProblems();
    return this.page.locator('.markers-panel .monaco-list-row').evaluateAll((els) => {
      let problem = '';
      const out: { problem: string; file: string; line?: number; column?: number; message: string }[] = [];
      for (const e of els as unknown as Dom[]) {
        const level = e.getAttribute('aria-level');
        if (level === '2') problem = e.getAttribute('aria-label') ?? '';
        if (level !== '3') continue;
        const text = (sel: string) => (e.querySelector(sel) as Dom | null)?.innerText.trim() ?? '';
        const pos = /(\d+)\D+(\d+)/.exec(text('.marker-line'));
        out.push({ problem, file: text('.related-info-resource'), message: text('.marker-description'), ...(pos ? { line: Number(pos[1]), column: Number(pos[2]) } : {}) });
      }
      return out;
    });
  }

  /** Only the problem rows (not the file rows). */
  async problems(): Promise<ProblemRow[]> {
    return (await this.problemRows()).filter((r) => r.kind === 'problem');
  }

  /**
   * Waits until the problem rows satisfy `accept` and stay unchanged for `stableFor` (default 1 s).
   * On timeout: a screenshot `<name>-FAILED-<step>.png` and an error listing the rows last seen.
   */
  async waitForProblems(step: string, accept: (rows: ProblemRow[]) => boolean, options: WaitOptions = {}): Promise<ProblemRow[]> {
    return waitFor(`problems: ${step}`, () => this.problems(), accept, { timeout: 30_000, stableFor: 1_000, ...options })
      .catch((e) => this.fail(step, e));
  }

  /** Clicks a problem row (moves the cursor to the problem in its editor). */
  async clickProblem(match: (r: ProblemRow) => boolean): Promise<ProblemRow> {
    const rows = await this.problemRows();
    const i = rows.findIndex((r) => r.kind === 'problem' && match(r));
    if (i < 0) return this.fail('click-problem', new Error(`no problem row matches; rows: ${JSON.stringify(rows, null, 1)}`));
    // On the message's start: the middle of a row may be the rule's link (its codeDescription), which opens the rule page.
    // `problemRows` lists file and problem rows only: related-information rows (aria-level 3) would shift the index.
    const listed = this.page.locator('.markers-panel .monaco-list-row[aria-level="1"], .markers-panel .monaco-list-row[aria-level="2"]');
    await listed.nth(i).locator('.marker-message').first().click({ position: { x: 5, y: 5 } });
    return rows[i];
  }

  // -------------------------------------------------------------------------------------------------------
  // The editor

  /** The 1-based cursor position from the status bar ("Ln 91, Col 2" / "行 91，列 2"). */
  async cursorPosition(): Promise<{ line: number; column: number } | null> {
    const item = this.page.locator('.statusbar-item[id="status.editor.selection"]').first();
    if (!(await item.count())) return null;
    const m = /(\d+)\D+(\d+)/.exec(await item.innerText());
    return m ? { line: Number(m[1]), column: Number(m[2]) } : null;
  }

  /** The language mode shown in the status bar (the active editor's language name). */
  async languageMode(): Promise<string | null> {
    const item = this.page.locator('.statusbar-item[id="status.editor.mode"]').first();
    return (await item.count()) && (await item.isVisible()) ? (await item.innerText()).trim() : null;
  }

  /** The visible lines of the active editor (the text Monaco has rendered; not the whole document). */
  async visibleLines(): Promise<string[]> {
    return this.page
      .locator('.editor-group-container.active .monaco-editor .view-lines')
      .first()
      .evaluate((el) =>
        [...(el as unknown as Dom).querySelectorAll('.view-line')]
          .map((l) => ({ top: parseFloat(l.style.top) || 0, text: (l.textContent ?? '').replace(/\u00a0/g, ' ') }))
          .sort((a, b) => a.top - b.top)
          .map((l) => l.text),
      );
  }

  /** The quick-fix menu (Ctrl+.) rows: their titles, and which one is focused (Enter applies it). */
  async quickFixMenu(): Promise<{ title: string; focused: boolean }[]> {
    return this.page.locator('.action-widget .monaco-list-row.action').evaluateAll((els) =>
      (els as unknown as Dom[]).map((e) => ({
        title: ((e.querySelector('.title') as Dom | null)?.innerText ?? e.innerText).trim(),
        focused: e.classList.contains('focused'),
      })),
    );
  }

  /** The rows of the suggest widget (completion list) when it is open: label, focused, is it a snippet. */
  async suggestions(): Promise<{ label: string; focused: boolean; snippet: boolean }[]> {
    return this.page.locator('.editor-widget.suggest-widget.visible .monaco-list-row').evaluateAll((els) =>
      (els as unknown as Dom[]).map((e) => ({
        label: (e.getAttribute('aria-label') ?? e.innerText).trim(),
        focused: e.classList.contains('focused'),
        snippet: e.querySelector('.codicon-symbol-snippet') !== null,
      })),
    );
  }

  /** A status-bar item by its id (an extension's items: `<publisher>.<name>.<id>`, matched by the end). */
  statusItem(id: string) {
    return this.page.locator(`.statusbar-item[id$="${id}"]`).first();
  }

  /** The rows of the open quick pick: label text, and which one is focused. Separators are not rows. */
  async quickPickRows(): Promise<{ text: string; focused: boolean }[]> {
    if (!(await this.quickInput.isVisible())) return [];
    return this.quickInput.locator('.monaco-list-row').evaluateAll((els) =>
      (els as unknown as Dom[]).map((e) => ({ text: e.innerText.trim(), focused: e.classList.contains('focused') })));
  }

  /** Picks the first quick-pick row whose text (label, description and detail lines) matches; waits for it. */
  async pickQuickItem(match: RegExp): Promise<void> {
    const rows = await waitFor(`a quick-pick row matching ${match}`, () => this.quickPickRows(), (rs) => rs.some((r) => match.test(r.text)), {
      timeout: 10_000, stableFor: 200,
    }).catch((e) => this.fail('quick-pick', e));
    await this.quickInput.locator('.monaco-list-row').nth(rows.findIndex((r) => match.test(r.text))).click();
    await this.quickInput.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
  }

  /** Visible notification toasts: message and button labels. */
  async notifications(): Promise<{ message: string; buttons: string[] }[]> {
    return this.page.locator('.notifications-toasts .notification-toast').evaluateAll((els) =>
      (els as unknown as Dom[]).map((e) => ({
        message: ((e.querySelector('.notification-list-item-message') as Dom | null)?.innerText ?? '').trim(),
        buttons: [...e.querySelectorAll('.monaco-button')].map((b) => b.innerText.trim()).filter(Boolean),
      })),
    );
  }

  /** Clicks the button labelled exactly `button` on the notification toast whose message matches. */
  async clickNotificationButton(message: RegExp, button: string): Promise<void> {
    const toast = this.page.locator('.notifications-toasts .notification-toast').filter({ hasText: message }).first();
    await toast.getByRole('button', { name: button, exact: true }).first().click();
  }

  // -------------------------------------------------------------------------------------------------------
  // Screenshots and failures

  /** A screenshot of the whole window to test-results/e2e/<name>-<step>.png; returns its path. */
  async screenshot(step: string): Promise<string> {
    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = join(RESULTS_DIR, `${this.options.name}-${String(++this.shots).padStart(2, '0')}-${step}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  private async screenshotQuietly(step: string): Promise<string | null> {
    try {
      if (!this.page) return null;
      mkdirSync(RESULTS_DIR, { recursive: true });
      const file = join(RESULTS_DIR, `${this.options.name}-FAILED-${step}.png`);
      await this.page.screenshot({ path: file, timeout: 5_000 });
      return file;
    } catch {
      return null;
    }
  }

  /** Takes a failure screenshot and throws `error` with the screenshot's path added. */
  async fail(step: string, error: unknown): Promise<never> {
    const shot = await this.screenshotQuietly(step);
    const e = error instanceof Error ? error : new Error(String(error));
    e.message = `[${this.options.name}: ${step}] ${e.message}${shot ? `\nscreenshot: ${shot}` : ''}`;
    throw e;
  }

  logTail(lines = 40): string {
    try {
      return readFileSync(this.logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }

  private withLog(e: unknown): Error {
    const err = e instanceof Error ? e : new Error(String(e));
    if (!err.message.includes('code-server log')) err.message += `\n--- code-server log (${this.logFile}) ---\n${this.logTail()}`;
    return err;
  }

  // -------------------------------------------------------------------------------------------------------
  // Teardown

  /**
   * Sends `signal` to code-server's whole process group: it and every child it started (the extension host,
   * the language server, the file watcher) — also after the leader itself has exited.
   */
  killGroup(signal: NodeJS.Signals): void {
    const pid = this.proc?.pid;
    if (!pid) return;
    try {
      process.kill(-pid, signal);
    } catch {
      /* the group is gone */
    }
  }

  /** Closes the browser and ends code-server's process group; removes the temporary folders. Never throws. */
  async close(): Promise<void> {
    try {
      await this.browser?.close();
    } catch {
      /* already closed */
    }
    this.browser = null;
    if (this.proc) {
      this.killGroup('SIGTERM');
      const ended = await Promise.race([this.exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5_000))]);
      // Children (the file watcher, the extension host) may outlive the leader: always finish the group off.
      this.killGroup('SIGKILL');
      if (!ended) await Promise.race([this.exited, new Promise((r) => setTimeout(r, 2_000))]);
    }
    live.delete(this);
    if (!this.options.keep && process.env.NIANBAO_E2E_KEEP !== '1') {
      try {
        rmSync(this.root, { recursive: true, force: true });
      } catch {
        /* best effort */
      }
    }
  }
}

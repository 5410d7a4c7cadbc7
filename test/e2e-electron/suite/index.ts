/**
 * Extension-host tests: run INSIDE VS Code (desktop, through @vscode/test-electron; see ../electron.test.ts),
 * with the extension under development loaded. They use the VS Code API directly —
 * `vscode.languages.getDiagnostics` and `vscode.executeCodeActionProvider` — on seed 004.
 *
 * Bundled with esbuild to one CommonJS file (`vscode` external) by the launcher; it exports `run()`, which
 * throws when a test fails. The launcher puts into the workspace folder:
 *   report.txt      a copy of examples/004_bf2c1b340b487aac.txt
 *   expected.json   what `node dist/cli.js check --format json report.txt` says about it
 * NIANBAO_E2E_RESULTS (env), when set, is a file the results are written to as JSON.
 */
import * as vscode from 'vscode';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';

interface Expected {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  code: string;
  message: string;
}

const ARITHMETIC = new Set(['row-total', 'column-total', 'carry-over-balance', 'review-litigation-total']);
const tests: { name: string; fn: () => Promise<void> }[] = [];
const test = (name: string, fn: () => Promise<void>) => tests.push({ name, fn });

function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the launcher opens a workspace folder');
  return f.uri;
}

function expected(): Expected[] {
  return JSON.parse(readFileSync(vscode.Uri.joinPath(folder(), 'expected.json').fsPath, 'utf8')) as Expected[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until `accept` holds and the value stays the same (by JSON) for `stableFor` ms. */
async function poll<T>(what: string, probe: () => T | Promise<T>, accept: (v: T) => boolean, timeout = 20_000, stableFor = 1_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let key = '';
  let since = 0;
  let last: T | undefined;
  for (;;) {
    const v = await probe();
    last = v;
    const k = JSON.stringify(v);
    if (accept(v)) {
      if (k !== key) {
        key = k;
        since = Date.now();
      }
      if (Date.now() - since >= stableFor) return v;
    } else {
      key = '';
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
    await sleep(100);
  }
}

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'nianbao');
const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' && d.code ? d.code.value : d.code);
const plain = (d: vscode.Diagnostic) => ({
  line: d.range.start.line, character: d.range.start.character, code: codeOf(d), message: d.message,
});

/** Opens a fresh copy of seed 004 in the report language and waits for its diagnostics. */
async function openSeed(name: string): Promise<{ doc: vscode.TextDocument; diagnostics: vscode.Diagnostic[] }> {
  const source = vscode.Uri.joinPath(folder(), 'report.txt');
  const uri = vscode.Uri.joinPath(folder(), name);
  await vscode.workspace.fs.copy(source, uri, { overwrite: true });
  let doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  if (doc.languageId !== 'nianbao') doc = await vscode.languages.setTextDocumentLanguage(doc, 'nianbao');
  const diagnostics = await poll(`the diagnostics of ${name}`, () => ours(uri), (ds) => ds.length >= expected().length);
  return { doc, diagnostics };
}

async function apply(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `applying “${action.title}”`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

async function close(doc: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

test('seed 004: the diagnostics of the CLI, at the same ranges, with the same messages', async () => {
  const { doc, diagnostics } = await openSeed('a.txt');
  const want = expected().map((d) => ({ line: d.range.start.line, character: d.range.start.character, code: d.code, message: d.message }));
  const chinese = !/^en\b/i.test(vscode.env.language);
  const got = diagnostics.map(plain);
  const byPlace = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line - b.line || a.character - b.character;
  if (chinese) assert.deepEqual(got.sort(byPlace), want.sort(byPlace));
  else assert.deepEqual(got.map(({ message: _, ...r }) => r).sort(byPlace), want.map(({ message: _, ...r }) => r).sort(byPlace));
  assert.deepEqual(got.map((d) => d.code).sort(), ['prose-table-mismatch', 'row-total', 'row-total', 'row-total', 'section-numeral', 'text-residue']);
  await close(doc);
});

test('seed 004: the preferred quick fix of a row total changes exactly that cell to 1', async () => {
  const { doc, diagnostics } = await openSeed('b.txt');
  const target = diagnostics.find((d) => codeOf(d) === 'row-total');
  assert.ok(target, 'a row-total diagnostic');
  const before = doc.getText();
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider', doc.uri, target.range, vscode.CodeActionKind.QuickFix.value, 50,
  );
  const preferred = actions.filter((a) => a.isPreferred);
  assert.equal(preferred.length, 1, `one preferred fix; got ${JSON.stringify(actions.map((a) => [a.title, a.isPreferred]))}`);
  assert.match(preferred[0].title, /将此格改为1|Change this cell to 1/);
  await apply(preferred[0]);
  await poll('the fixed diagnostic to go', () => ours(doc.uri).map(plain), (ds) => !ds.some((d) => d.line === target.range.start.line && d.code === 'row-total'));
  const a = before.split('\n');
  const b = doc.getText().split('\n');
  assert.equal(b.length, a.length);
  const changed = a.flatMap((l, i) => (l === b[i] ? [] : [i]));
  assert.deepEqual(changed, [target.range.start.line]);
  const c = target.range.start.character;
  const i = target.range.start.line;
  assert.equal(b[i], a[i].slice(0, c) + '1' + a[i].slice(c + 1));
  await close(doc);
});

test('seed 004: source.fixAll.nianbao leaves no arithmetic diagnostic', async () => {
  const { doc } = await openSeed('c.txt');
  const whole = new vscode.Range(0, 0, doc.lineCount, 0);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider', doc.uri, whole, 'source.fixAll.nianbao', 50,
  );
  const fixAll = actions.filter((a) => a.kind && vscode.CodeActionKind.SourceFixAll.append('nianbao').contains(a.kind));
  assert.equal(fixAll.length, 1, `one fix-all action; got ${JSON.stringify(actions.map((a) => [a.title, a.kind?.value]))}`);
  await apply(fixAll[0]);
  const left = await poll('the arithmetic diagnostics to go', () => ours(doc.uri).map(plain), (ds) => !ds.some((d) => ARITHMETIC.has(d.code)));
  assert.deepEqual(left.filter((d) => ARITHMETIC.has(d.code)), []);
  await close(doc);
});

export async function run(): Promise<void> {
  // Let the extension activate (it does on plaintext and on the report language).
  await vscode.extensions.getExtension('gov-open.nianbao')?.activate();
  const results: { name: string; ok: boolean; ms: number; error?: string }[] = [];
  for (const t of tests) {
    const t0 = Date.now();
    try {
      await t.fn();
      results.push({ name: t.name, ok: true, ms: Date.now() - t0 });
      console.log(`✔ ${t.name} (${Date.now() - t0} ms)`);
    } catch (e) {
      const error = e instanceof Error ? e.stack ?? e.message : String(e);
      results.push({ name: t.name, ok: false, ms: Date.now() - t0, error });
      console.error(`✖ ${t.name}\n${error}`);
    }
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  if (process.env.NIANBAO_E2E_RESULTS) writeFileSync(process.env.NIANBAO_E2E_RESULTS, JSON.stringify(results, null, 2));
  if (failed) throw new Error(`${failed} of ${results.length} extension-host tests failed`);
}

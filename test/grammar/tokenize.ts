// Loads syntaxes/nianbao.tmLanguage.json into vscode-textmate (with the Oniguruma WASM build VS Code uses).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

export const ROOT = join(__dirname, '..', '..');
export const GRAMMAR_FILE = join(ROOT, 'syntaxes', 'nianbao.tmLanguage.json');
export const SCOPE = 'text.nianbao';

export interface Token {
  start: number;
  end: number;
  text: string;
  scopes: string[];
}

let onig: Promise<vsctm.IOnigLib> | null = null;

function onigLib(): Promise<vsctm.IOnigLib> {
  onig ??= (async () => {
    const wasm = readFileSync(join(require.resolve('vscode-oniguruma'), '..', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    return {
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    };
  })();
  return onig;
}

/** A registry that knows the report grammar (reads the file afresh each time). */
export function createRegistry(): vsctm.Registry {
  return new vsctm.Registry({
    onigLib: onigLib(),
    loadGrammar: async (scopeName) => (scopeName === SCOPE ? vsctm.parseRawGrammar(readFileSync(GRAMMAR_FILE, 'utf8'), GRAMMAR_FILE) : null),
  });
}

let grammar: Promise<vsctm.IGrammar> | null = null;

export function loadGrammar(): Promise<vsctm.IGrammar> {
  grammar ??= createRegistry().loadGrammar(SCOPE).then((g) => {
    if (!g) throw new Error(`cannot load ${SCOPE}`);
    return g;
  });
  return grammar;
}

/** Tokens of every line of a text (lines split as the reader splits them: CRLF, LF or CR). */
export async function tokenize(text: string): Promise<Token[][]> {
  const g = await loadGrammar();
  let stack = vsctm.INITIAL;
  return text.split(/\r\n|\r|\n/).map((line) => {
    const r = g.tokenizeLine(line, stack);
    stack = r.ruleStack;
    return r.tokens.map((t) => ({ start: t.startIndex, end: Math.min(t.endIndex, line.length), text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The scopes at one character of a line. */
export function scopesAt(line: Token[], character: number): string[] {
  return line.find((t) => t.start <= character && character < t.end)?.scopes ?? [];
}

/** True when any token of the line carries a scope that starts with `prefix`. */
export function lineHas(line: Token[], prefix: string): boolean {
  return line.some((t) => t.scopes.some((s) => s.startsWith(prefix)));
}

/** Debug aid: a line's tokens as `text: last scope`. */
export function show(line: Token[]): string {
  return line.map((t) => `${JSON.stringify(t.text)}: ${t.scopes.slice(1).join(' ')}`).join('\n');
}

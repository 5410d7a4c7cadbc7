import { dirname, join, relative, sep } from 'node:path';
import { isIgnored, parseProjectConfig, PROJECT_CONFIG_FILE, type ProjectConfig } from '../core/config';
import { CONFIG_TEXT } from '../core/configText';
import { msg, render, type Lang } from '../core/l10n/text';
import { LineIndex } from '../core/text/positions';
import { decodeText } from '../core/text/decode';
import { lookFor, readBounded } from './files';

/** A project configuration file found for a report, and what it says. */
export interface FoundConfig {
  path: string;
  config: ProjectConfig;
}

/** A configuration file is small; more than this is not one. */
const CONFIG_LIMIT_MB = 1;

/**
 * The nearest `.nianbao.jsonc` up the folder tree from each report, read once per run. Its problems
 * (and a file that cannot be read) are said once, as `path:line:col message` lines through `onProblem`.
 * The search stops at a folder the CLI may not look into.
 */
export class ProjectConfigs {
  private readonly byDir = new Map<string, FoundConfig | null>();

  constructor(private readonly lang: Lang, private readonly onProblem: (line: string) => void) {}

  /** The configuration that governs files in `dir` (an absolute path), or null. */
  forDirectory(dir: string): FoundConfig | null {
    const visited: string[] = [];
    let found: FoundConfig | null = null;
    for (let d = dir; ; d = dirname(d)) {
      const known = this.byDir.get(d);
      if (known !== undefined) {
        found = known;
        break;
      }
      visited.push(d);
      const path = join(d, PROJECT_CONFIG_FILE);
      const kind = lookFor(path);
      if (kind === 'file') {
        found = this.read(path);
        break;
      }
      if (kind === 'blocked' || dirname(d) === d) break;
    }
    for (const d of visited) this.byDir.set(d, found);
    return found;
  }

  /** Does the nearest configuration leave the file at `path` (absolute) unchecked? Its path when so. */
  ignoring(path: string): string | null {
    const found = this.forDirectory(dirname(path));
    if (!found) return null;
    const rel = relative(dirname(found.path), path).split(sep).join('/');
    return isIgnored(found.config, rel) ? found.path : null;
  }

  private read(path: string): FoundConfig {
    const bytes = readBounded(path, CONFIG_LIMIT_MB);
    if (!bytes.ok) {
      this.onProblem(render(bytes.problem, this.lang));
      return { path, config: { rules: {}, ignore: [] } };
    }
    const text = decodeText(bytes.bytes);
    const { config, problems } = parseProjectConfig(text);
    if (problems.length > 0) {
      const index = new LineIndex(text);
      for (const p of problems) {
        const at = index.positionAt(p.offset);
        const problem = render(p.message, this.lang);
        this.onProblem(`${path}:${at.line + 1}:${at.character + 1} ${render(msg(CONFIG_TEXT.problemAt, { problem }), this.lang)}`);
      }
    }
    return { path, config };
  }
}

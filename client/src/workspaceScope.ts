// What the workspace check looks at and how it counts: pure (no VS Code), unit-tested.

/** Build output, dependencies and editor test installs hold no received reports. */
const SKIPPED = /(?:^|\/)(?:node_modules|\.git|dist|out|\.vscode-test)\//;

export function isSkippedPath(path: string): boolean {
  return SKIPPED.test(path);
}

/** A file is checked when it is a `.nianbao` file, is open in the report language, or reads as a report. */
export function isCandidate(path: string, text: string, looksLikeReport: (text: string) => boolean, openAsReport: boolean): boolean {
  return path.endsWith('.nianbao') || openAsReport || looksLikeReport(text);
}

export interface Shown {
  files: number;
  errors: number;
  warnings: number;
}

/** VS Code's DiagnosticSeverity: Error 0, Warning 1 (Information and Hint are not counted in the summary). */
const ERROR = 0;
const WARNING = 1;

/** The summary of what the Problems panel shows: every report checked, with its errors and warnings. */
export function countShown(perFile: readonly (readonly { severity: number }[])[]): Shown {
  let errors = 0;
  let warnings = 0;
  for (const ds of perFile) {
    for (const d of ds) {
      if (d.severity === ERROR) errors++;
      else if (d.severity === WARNING) warnings++;
    }
  }
  return { files: perFile.length, errors, warnings };
}

import type { Connection } from 'vscode-languageserver';
import type { DocumentStore } from './documents';
import type { FileChange, WorkspaceReports } from './crossReports';
import { identityOfText } from './reportFiles';

/** Quiet time after the last change before the other open reports are checked again. */
export const RECHECK_DELAY_MS = 300;

/**
 * Keeps the cross-report findings of the open reports current: a report edited (debounced), opened,
 * closed, or created, changed or deleted on disk is filed again, then every open report runs its
 * cross-report rules again (the others' findings stay) and the client hears of it — diagnostics
 * pushed again, or a `workspace/diagnostic/refresh` in pull mode. The edited document's own
 * keystrokes keep the session's fast path.
 */
export class Dependents {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly edited = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: DocumentStore,
    private readonly reports: WorkspaceReports,
    private readonly republish: (uri: string) => void,
    private readonly refresh: () => void,
  ) {}

  opened(uri: string): void {
    this.refile(uri);
    this.schedule();
  }

  changed(uri: string): void {
    this.edited.add(uri);
    this.schedule();
  }

  closed(uri: string): void {
    this.edited.delete(uri);
    void this.reports.closed(uri).then(() => this.schedule());
  }

  async filesChanged(changes: readonly { uri: string; type: FileChange }[]): Promise<void> {
    let any = false;
    for (const c of changes) if (await this.reports.fileChanged(c.uri, c.type)) any = true;
    if (any) this.schedule();
  }

  /** Workspace folders were added or removed: filed (or unfiled) and the open reports checked again. */
  async foldersChanged(added: readonly string[], removed: readonly string[], log: (line: string) => void): Promise<void> {
    await this.reports.changeFolders(added, removed, log);
    this.schedule();
  }

  /** The scan has ended: what it found may be last year's report of an open one. */
  scanned(): void {
    this.schedule();
  }

  private refile(uri: string): void {
    const identity = this.documents.identity(uri, identityOfText);
    if (identity !== undefined) this.reports.openedOrChanged(uri, identity);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.recheck(), RECHECK_DELAY_MS);
  }

  private recheck(): void {
    this.timer = undefined;
    try {
      for (const uri of this.edited) this.refile(uri);
      this.edited.clear();
      const uris = this.documents.uris();
      for (const uri of uris) this.documents.recheckAcross(uri);
      this.refresh();
      for (const uri of uris) this.republish(uri);
    } catch (e) {
      this.connection.console.error(`cross-report recheck: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
  }
}

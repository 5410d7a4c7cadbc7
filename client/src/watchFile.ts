import * as vscode from 'vscode';

/** Every file of this name in the workspace, watched: `changed` on its creation, change or deletion. */
export function watchFile(name: string, changed: () => void): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher(`**/${name}`);
  watcher.onDidCreate(changed);
  watcher.onDidChange(changed);
  watcher.onDidDelete(changed);
  return watcher;
}

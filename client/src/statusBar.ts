// The status bar item of the active keepalived file: its role in its cluster (of how many nodes) and
// the count of cluster problems, from keepalived/fileStatus. A click opens the failover topology.
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { FileStatusRequest, FileStatusResult } from "../../server/src/protocol";

export function registerStatusBar(context: vscode.ExtensionContext, client: LanguageClient): void {
  const item = vscode.window.createStatusBarItem("keepalived.clusterStatus", vscode.StatusBarAlignment.Left, 10);
  item.name = "Keepalived cluster";
  item.command = "keepalived.showTopology";
  let timer: NodeJS.Timeout | undefined;
  let asked = 0;

  async function refresh(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== "keepalived") return void item.hide();
    const ticket = ++asked;
    try {
      const status = await client.sendRequest<FileStatusResult>(FileStatusRequest, { uri: doc.uri.toString() });
      if (ticket !== asked) return; // a newer question is on its way
      if (!status.text) return void item.hide();
      item.text = `$(type-hierarchy) ${status.text}`;
      item.tooltip = status.tooltip;
      item.backgroundColor = status.clusterProblems ? new vscode.ThemeColor("statusBarItem.warningBackground") : undefined;
      item.show();
    } catch {
      item.hide();
    }
  }
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void refresh(), 150);
  };
  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(schedule),
    // Cluster problems arrive as diagnostics: a new list anywhere may change the count or the role.
    vscode.languages.onDidChangeDiagnostics(schedule),
    { dispose: () => timer && clearTimeout(timer) },
  );
  schedule();
}

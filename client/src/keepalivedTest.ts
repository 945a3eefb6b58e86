// "Keepalived: Check with keepalived -t": the real parser's opinion, where the language server runs.
// Only on the user's request — the command, or the opt-in `keepalived.keepalivedTest.onSave` — and
// never in an untrusted workspace (package.json also restricts the setting there).
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { KeepalivedTestRequest, KeepalivedTestResult } from "../../server/src/protocol";

async function check(client: LanguageClient, doc: vscode.TextDocument, quiet: boolean): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    if (!quiet) void vscode.window.showWarningMessage("Keepalived: keepalived -t is not run in an untrusted workspace.");
    return;
  }
  if (doc.uri.scheme !== "file") {
    if (!quiet) void vscode.window.showWarningMessage("Keepalived: save the file first; keepalived -t reads it from disk.");
    return;
  }
  const result = await client.sendRequest<KeepalivedTestResult>(KeepalivedTestRequest, { uri: doc.uri.toString() });
  if (quiet) return;
  if (!result.available) void vscode.window.showInformationMessage(`Keepalived: ${result.error ?? "keepalived is not installed"}.`);
  else if (result.error) void vscode.window.showWarningMessage(`Keepalived: ${result.error}`);
  else
    void vscode.window.showInformationMessage(
      `keepalived -t: ${result.messages ? `${result.messages} message${result.messages === 1 ? "" : "s"} (in Problems, source "keepalived -t")` : "no messages"}${doc.isDirty ? "; it read the saved copy, not your unsaved changes" : ""}.`,
    );
}

export function registerKeepalivedTest(context: vscode.ExtensionContext, client: LanguageClient, activeUri: (arg?: unknown) => vscode.Uri | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand("keepalived.checkWithKeepalived", async (arg?: unknown) => {
      const uri = activeUri(arg);
      if (!uri) return;
      await check(client, await vscode.workspace.openTextDocument(uri), false);
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (doc.languageId !== "keepalived" || !vscode.workspace.getConfiguration("keepalived", doc).get<boolean>("keepalivedTest.onSave")) return;
      void check(client, doc, true);
    }),
  );
}

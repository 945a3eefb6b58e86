// Files the server reads as keepalived (e.g. `include ../common/scripts.conf`) open as "Properties"
// by their extension: switch them to keepalived, now and whenever one is opened later.
import * as vscode from "vscode";
import type { ExtensionContext } from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { ConfigFilesNotification, ConfigFilesParams } from "../../server/src/protocol";

export function followConfigFiles(context: ExtensionContext, client: LanguageClient): void {
  let known = new Set<string>();
  const adopt = (doc: vscode.TextDocument) => {
    if (doc.languageId !== "keepalived" && known.has(doc.uri.toString())) void vscode.languages.setTextDocumentLanguage(doc, "keepalived");
  };
  context.subscriptions.push(
    client.onNotification(ConfigFilesNotification, (params: ConfigFilesParams) => {
      known = new Set(params.uris.map((u) => vscode.Uri.parse(u).toString()));
      vscode.workspace.textDocuments.forEach(adopt);
    }),
    vscode.workspace.onDidOpenTextDocument(adopt),
  );
}

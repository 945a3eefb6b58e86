// "Keepalived: Create Peer Config": writes the counterpart of the active node for a new member into a
// file the user picks, opens it, and shows the comparison so the user sees it is consistent.
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { PeerConfigRequest, PeerConfigResult } from "../../server/src/protocol";

export async function createPeerConfig(client: LanguageClient, uri: vscode.Uri): Promise<vscode.Uri | undefined> {
  const name = await vscode.window.showInputBox({ prompt: "Name (router_id) of the new node", value: "", placeHolder: "e.g. lb-c" });
  if (name === undefined) return undefined;
  const result = await client.sendRequest<PeerConfigResult>(PeerConfigRequest, { uri: uri.toString(), name: name || undefined });
  if (!result.text) {
    void vscode.window.showErrorMessage(`Keepalived: ${result.error ?? "could not create a peer config"}`);
    return undefined;
  }
  const suggested = vscode.Uri.joinPath(uri, "..", "..", name || "peer", "keepalived.conf");
  const target = await vscode.window.showSaveDialog({ defaultUri: suggested, saveLabel: "Create peer config" });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, Buffer.from(result.text, "utf8"));
  await vscode.window.showTextDocument(target, { viewColumn: vscode.ViewColumn.Beside });
  return target;
}

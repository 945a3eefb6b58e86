// "Keepalived: Compare with Peer": pick the peer node (quick pick when there are several), show the
// settings of each shared cluster side by side, apply a row's fix, or open VS Code's diff editor.
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { CompareRequest, CompareResult, PeersRequest, PeersResult, PeerNode } from "../../../server/src/protocol";
import { comparePageHtml } from "./page";
import { makeNonce } from "../webview/shell";
import { OfferedFixes } from "./offeredFixes";

// What the page may send; a fix is named by the id it was offered under (anything else is ignored).
type PageMessage = { type: "ready" } | { type: "diff" } | { type: "reveal"; uri: string; line: number } | { type: "fix"; id: string };

export async function pickPeer(client: LanguageClient, uri: vscode.Uri): Promise<{ node: PeerNode; peer: PeerNode } | undefined> {
  const found = await client.sendRequest<PeersResult>(PeersRequest, { uri: uri.toString() });
  if (!found.node || !found.peers.length) {
    void vscode.window.showInformationMessage("No peer found: no other keepalived node in the workspace shares a cluster with this file.");
    return undefined;
  }
  if (found.peers.length === 1) return { node: found.node, peer: found.peers[0] };
  const choice = await vscode.window.showQuickPick(
    found.peers.map((p) => ({ label: p.name, description: vscode.workspace.asRelativePath(vscode.Uri.parse(p.uri)), peer: p })),
    { placeHolder: `Compare ${found.node.name} with…` },
  );
  return choice && { node: found.node, peer: choice.peer };
}

export class ComparePanel {
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly offered = new OfferedFixes();

  static async show(context: vscode.ExtensionContext, client: LanguageClient, uri: vscode.Uri): Promise<void> {
    const pair = await pickPeer(client, uri);
    if (!pair) return;
    const panel = vscode.window.createWebviewPanel("keepalived.compare", `${pair.node.name} ↔ ${pair.peer.name}`, vscode.ViewColumn.Beside, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, "client", "media")],
    });
    new ComparePanel(context, client, panel, pair.node, pair.peer);
  }

  private constructor(context: vscode.ExtensionContext, private readonly client: LanguageClient, private readonly panel: vscode.WebviewPanel, private readonly node: PeerNode, private readonly peer: PeerNode) {
    const media = (f: string) => panel.webview.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, "client", "media", f)).toString();
    panel.webview.html = comparePageHtml({ cspSource: panel.webview.cspSource, nonce: makeNonce(), scriptUris: [media("compare.js")], styleUri: media("compare.css") });
    panel.webview.onDidReceiveMessage((m: PageMessage) => this.onMessage(m), undefined, this.disposables);
    panel.onDidDispose(() => this.disposables.forEach((d) => d.dispose()), undefined, this.disposables);
    vscode.workspace.onDidChangeTextDocument((e) => e.document.languageId === "keepalived" && this.schedule(), undefined, this.disposables);
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), 400);
  }

  private async refresh(): Promise<void> {
    const result = await this.client.sendRequest<CompareResult>(CompareRequest, { uri: this.node.uri, peerUri: this.peer.uri });
    await this.panel.webview.postMessage({ type: "update", title: `${this.node.name} ↔ ${this.peer.name}`, tables: this.offered.offer(result.tables) });
  }

  private async onMessage(m: PageMessage): Promise<void> {
    switch (m.type) {
      case "ready":
        return this.refresh();
      case "diff":
        await vscode.commands.executeCommand("vscode.diff", vscode.Uri.parse(this.node.uri), vscode.Uri.parse(this.peer.uri), `${this.node.name} ↔ ${this.peer.name}`);
        return;
      case "reveal": {
        if (!this.offered.shownFile(m.uri)) return;
        const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(m.uri));
        const pos = new vscode.Position(m.line ?? 0, 0);
        await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(pos, pos) });
        return;
      }
      case "fix": {
        const changes = this.offered.changesFor(m.id);
        if (!changes) return;
        const edit = new vscode.WorkspaceEdit();
        for (const [uri, edits] of Object.entries(changes)) {
          for (const e of edits) edit.replace(vscode.Uri.parse(uri), new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
        }
        await vscode.workspace.applyEdit(edit);
        return this.refresh();
      }
    }
  }
}

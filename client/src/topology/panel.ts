// "Keepalived: Show Failover Topology": a webview beside the editor that follows edits, simulates
// failures on request, reveals clicked elements in their file, and exports SVG, DOT or Mermaid.
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { TopologyRequest, TopologyParams, TopologyResult } from "../../../server/src/protocol";
import { topologyPageHtml } from "./page";
import { makeNonce } from "../webview/shell";
import { sourceFiles } from "./sources";

type PageMessage =
  | { type: "ready"; failures: string[] }
  | { type: "simulate"; failures: string[] }
  | { type: "reveal"; source: { file: string; line: number } }
  | { type: "export"; format: "svg" | "dot" | "mermaid" }
  | { type: "exportPng"; base64: string }
  | { type: "scope"; workspace: boolean };

export class TopologyPanel {
  private static current: TopologyPanel | undefined;
  private failures: string[] = [];
  /** By default only the clusters of the active keepalived file are laid out; the page can ask for all. */
  private wholeWorkspace = false;
  private last: TopologyResult | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  static show(context: vscode.ExtensionContext, client: LanguageClient, uri: vscode.Uri | undefined): void {
    if (TopologyPanel.current) {
      TopologyPanel.current.uri = uri;
      TopologyPanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
      TopologyPanel.current.refresh();
      return;
    }
    const panel = vscode.window.createWebviewPanel("keepalived.topology", "Failover topology", { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, "client", "media")],
    });
    TopologyPanel.current = new TopologyPanel(context, client, panel, uri);
  }

  private constructor(context: vscode.ExtensionContext, private readonly client: LanguageClient, private readonly panel: vscode.WebviewPanel, private uri: vscode.Uri | undefined) {
    const media = (f: string) => panel.webview.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, "client", "media", f)).toString();
    panel.webview.html = topologyPageHtml({ cspSource: panel.webview.cspSource, nonce: makeNonce(), scriptUris: [media("vendor/purify.min.js"), media("topology.js")], styleUri: media("topology.css") });
    panel.webview.onDidReceiveMessage((m: PageMessage) => this.onMessage(m), undefined, this.disposables);
    panel.onDidDispose(() => this.dispose(), undefined, this.disposables);
    // Follow edits live: re-draw shortly after the user stops typing in a keepalived file.
    vscode.workspace.onDidChangeTextDocument((e) => e.document.languageId === "keepalived" && this.schedule(), undefined, this.disposables);
    vscode.workspace.onDidSaveTextDocument(() => this.schedule(), undefined, this.disposables);
    // Follow the active keepalived file: the picture shows its clusters.
    vscode.window.onDidChangeActiveTextEditor(
      (e) => {
        if (e?.document.languageId !== "keepalived" || e.document.uri.toString() === this.uri?.toString()) return;
        this.uri = e.document.uri;
        if (!this.wholeWorkspace) this.schedule();
      },
      undefined,
      this.disposables,
    );
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), 400);
  }

  private async refresh(): Promise<void> {
    const params: TopologyParams = { uri: this.wholeWorkspace ? undefined : this.uri?.toString(), failures: this.failures };
    try {
      this.last = await this.client.sendRequest<TopologyResult>(TopologyRequest, params);
      this.panel.title = this.last.title;
      await this.panel.webview.postMessage({ type: "update", title: this.last.title, topology: this.last.topology, svg: this.last.svg, wholeWorkspace: this.wholeWorkspace });
    } catch (e) {
      void vscode.window.showErrorMessage(`Keepalived topology: ${(e as Error).message}`);
    }
  }

  private async onMessage(m: PageMessage): Promise<void> {
    switch (m.type) {
      case "ready":
      case "simulate":
        this.failures = m.failures;
        return this.refresh();
      case "reveal": {
        // Only a line of a file the picture was drawn from, whatever the page posts.
        if (!this.last || !sourceFiles(this.last.topology).has(m.source?.file) || !Number.isInteger(m.source.line)) return;
        const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(m.source.file));
        const pos = new vscode.Position(m.source.line, 0);
        await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(pos, pos) });
        return;
      }
      case "scope":
        this.wholeWorkspace = m.workspace;
        return this.refresh();
      case "exportPng": {
        // The page drew the picture as shown (theme colours) on a canvas; the bytes come as base64.
        if (typeof m.base64 !== "string" || !m.base64) return;
        const target = await vscode.window.showSaveDialog({ saveLabel: "Export", filters: { PNG: ["png"] }, defaultUri: vscode.Uri.file("keepalived-topology.png") });
        if (target) await vscode.workspace.fs.writeFile(target, Buffer.from(m.base64, "base64"));
        return;
      }
      case "export": {
        if (!this.last) return;
        const ext = { svg: "svg", dot: "dot", mermaid: "mmd" }[m.format];
        const target = await vscode.window.showSaveDialog({ saveLabel: "Export", filters: { [m.format.toUpperCase()]: [ext] }, defaultUri: vscode.Uri.file(`keepalived-topology.${ext}`) });
        if (target) await vscode.workspace.fs.writeFile(target, Buffer.from(this.last[m.format], "utf8"));
        return;
      }
    }
  }

  private dispose(): void {
    TopologyPanel.current = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.disposables.forEach((d) => d.dispose());
  }
}

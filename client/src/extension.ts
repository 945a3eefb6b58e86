// The VS Code side: starts the bundled language server (dist/server.js) over IPC for keepalived
// documents. Everything the language knows lives in the server, so other editors get the same.
import * as path from "path";
import * as vscode from "vscode";
import type { ExtensionContext } from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from "vscode-languageclient/node";
import { TopologyPanel } from "./topology/panel";
import { ComparePanel } from "./compare/panel";
import { createPeerConfig } from "./peerConfig";
import { registerTrustedCommand } from "./trust";
import { followConfigFiles } from "./configFiles";
import { registerStatusBar } from "./statusBar";
import { registerTasks } from "./tasks";
import { registerKeepalivedTest } from "./keepalivedTest";
import { whatWillThisChangeDo } from "./impact";

let client: LanguageClient | undefined;

/** The running client, for features (topology, compare) that talk to the server. */
export function languageClient(): LanguageClient | undefined {
  return client;
}

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join("dist", "server.js"));
  // Run through bin/ for the V8 code cache the CLI uses (bin/load-bundle.js): the server's start and
  // first checks compile less. Debugging loads the bundle plainly, for breakpoints and source maps.
  const cached = context.asAbsolutePath(path.join("bin", "keepalived-language-server.js"));
  const serverOptions: ServerOptions = {
    // A young generation of 4 MB per semi-space instead of 1: a keystroke's garbage (~0.5–0.8 MB) then
    // makes a scavenge every few edits, not one or two per edit (docs/decisions/young-generation.md).
    // Only a start flag sets it; the server holds it at that size (processFlags.ts).
    // One V8 helper thread instead of four: on a 2-core machine the others took the core a keystroke's
    // check was waiting for (docs/decisions/server-helper-threads.md).
    run: { module: cached, transport: TransportKind.ipc, options: { execArgv: ["--min-semi-space-size=4", "--v8-pool-size=1"] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6009"] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "keepalived" },
      { scheme: "untitled", language: "keepalived" },
    ],
    // The server pulls `keepalived.*` itself; this makes the client tell it when they change.
    synchronize: { configurationSection: "keepalived" },
  };
  client = new LanguageClient("keepalived", "Keepalived Language Server", serverOptions, clientOptions);
  await client.start();
  context.subscriptions.push({ dispose: () => void client?.stop() });
  const started = client;
  followConfigFiles(context, started);
  const activeUri = (arg?: unknown): vscode.Uri | undefined =>
    typeof arg === "string" ? vscode.Uri.parse(arg) : arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  context.subscriptions.push(
    vscode.commands.registerCommand("keepalived.showTopology", (arg?: unknown) => TopologyPanel.show(context, started, activeUri(arg))),
    vscode.commands.registerCommand("keepalived.compareWithPeer", async (arg?: unknown) => {
      const uri = activeUri(arg);
      if (uri) await ComparePanel.show(context, started, uri);
    }),
    registerTrustedCommand("keepalived.createPeerConfig", async (arg?: unknown) => {
      const uri = activeUri(arg);
      const created = uri && (await createPeerConfig(started, uri));
      if (created && uri) await ComparePanel.show(context, started, uri);
    }),
    vscode.commands.registerCommand("keepalived.openDiagnosticsDoc", async (code?: unknown) => {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(context.extensionUri, "docs", "diagnostics.md"));
      const line = typeof code === "string" && /^[a-z0-9-]+$/.test(code) ? doc.getText().split("\n").findIndex((l) => new RegExp(`^#+ ${code}\\s*$`).test(l)) : -1;
      const at = new vscode.Position(Math.max(0, line), 0);
      await vscode.window.showTextDocument(doc, { selection: new vscode.Range(at, at), preview: true });
    }),
    registerTrustedCommand("keepalived.whatWillThisChangeDo", () => whatWillThisChangeDo(started)),
  );
  registerStatusBar(context, started);
  registerTasks(context);
  registerKeepalivedTest(context, started, activeUri);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

// A real language client for tests and the benchmark: spawns `node dist/server.js --stdio` and
// speaks JSON-RPC over its pipes, answering the few requests a server sends to its client.
import { spawn, ChildProcess } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import { URI } from "vscode-uri";

export const SERVER = path.resolve(__dirname, "..", "..", "..", "dist", "server.js");

export interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  relatedInformation?: { location: { uri: string; range: LspDiagnostic["range"] }; message: string }[];
}

export function uriOf(file: string): string {
  return URI.file(file).toString();
}

export class TestClient {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  /** Latest diagnostics per URI, and how many times each was published. */
  readonly diagnostics = new Map<string, LspDiagnostic[]>();
  readonly publishCount = new Map<string, number>();
  private waiters: (() => void)[] = [];
  private versions = new Map<string, number>();
  settings: Record<string, unknown> = {};
  stderr = "";

  constructor(args: string[] = ["--stdio"]) {
    // KEEPALIVED_SERVER_NODE_ARGS: flags for the server's node (`--cpu-prof` to profile it under the bench).
    const nodeArgs = process.env.KEEPALIVED_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
    this.process = spawn(process.execPath, [...nodeArgs, SERVER, ...args], { stdio: ["pipe", "pipe", "pipe"] });
    this.process.stderr!.on("data", (d) => (this.stderr += d));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification("textDocument/publishDiagnostics", (p: { uri: string; diagnostics: LspDiagnostic[] }) => {
      this.diagnostics.set(p.uri, p.diagnostics);
      this.publishCount.set(p.uri, (this.publishCount.get(p.uri) ?? 0) + 1);
      const waiters = this.waiters;
      this.waiters = [];
      waiters.forEach((w) => w());
    });
    this.connection.onRequest("workspace/configuration", (p: { items: unknown[] }) => p.items.map(() => this.settings));
    this.connection.onRequest("client/registerCapability", () => null);
    this.connection.onRequest("window/workDoneProgress/create", () => null);
    this.connection.onNotification("window/logMessage", () => undefined);
    this.connection.listen();
  }

  async initialize(folders: string[]): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.connection.sendRequest<{ capabilities: Record<string, unknown> }>("initialize", {
      processId: process.pid,
      rootUri: folders[0] ? uriOf(folders[0]) : null,
      workspaceFolders: folders.map((f) => ({ uri: uriOf(f), name: path.basename(f) })),
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: { publishDiagnostics: { relatedInformation: true }, completion: { completionItem: { snippetSupport: true } } },
      },
    });
    await this.connection.sendNotification("initialized", {});
    return result;
  }

  async open(file: string, text = fs.readFileSync(file, "utf8")): Promise<string> {
    const uri = uriOf(file);
    this.versions.set(uri, 1);
    await this.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "keepalived", version: 1, text } });
    return uri;
  }

  /** An incremental change: replace `range` with `text`. */
  async change(uri: string, range: LspDiagnostic["range"], text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  /**
   * Several incremental changes written to the server's pipe in one write, so that it reads them together
   * (a pipe write under PIPE_BUF, 4 KiB, arrives whole); `change` awaited in a loop may be read in pieces.
   */
  changesInOneWrite(uri: string, edits: { range: LspDiagnostic["range"]; text: string }[]): void {
    const frames = edits.map(({ range, text }) => {
      const version = (this.versions.get(uri) ?? 1) + 1;
      this.versions.set(uri, version);
      const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", method: "textDocument/didChange", params: { textDocument: { uri, version }, contentChanges: [{ range, text }] } }), "utf8");
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, "ascii"), body]);
    });
    const all = Buffer.concat(frames);
    if (all.length > 4096) throw new Error(`a burst of ${all.length} bytes may not arrive in one read`);
    this.process.stdin!.write(all);
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  /** Resolves when `predicate` holds for the published diagnostics, or rejects after `timeoutMs`. */
  async waitFor(predicate: () => boolean, timeoutMs = 5000, what = "diagnostics"): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; have ${JSON.stringify([...this.diagnostics], null, 1).slice(0, 2000)}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => (clearTimeout(t), resolve()));
      });
    }
  }

  /** Resolves with the next publication for `uri`. */
  nextDiagnostics(uri: string, timeoutMs = 5000): Promise<LspDiagnostic[]> {
    const before = this.publishCount.get(uri) ?? 0;
    return this.waitFor(() => (this.publishCount.get(uri) ?? 0) > before, timeoutMs, `diagnostics for ${uri}`).then(() => this.diagnostics.get(uri)!);
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest("shutdown"), new Promise((r) => setTimeout(r, 1000))]);
      await this.connection.sendNotification("exit");
    } catch {
      // already gone
    }
    // A profiled server writes its profile as it exits: give it the time to.
    if (process.env.KEEPALIVED_SERVER_NODE_ARGS && this.process.exitCode === null) await new Promise((r) => (this.process.once("exit", r), setTimeout(r, 10000)));
    this.connection.dispose();
    this.process.kill();
  }
}

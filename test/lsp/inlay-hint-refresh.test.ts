// A peer's change reaches the inlay hints of a file that did not change: the server asks the client
// to pull them again (workspace/inlayHint/refresh), over JSON-RPC with the real server on a copy of
// examples/cluster (its planted VRID mismatch repaired, so lb-a and lb-b are one cluster).
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TestClient, uriOf } from "./lspClient";
import { REPO } from "../helpers";

const RANGE = { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } };

test("a peer's priority change refreshes the hints of the file that holds the VIP; a comment does not", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kalsp-inlay-"));
  fs.cpSync(path.join(REPO, "examples", "cluster"), dir, { recursive: true });
  const lbA = path.join(dir, "lb-a", "keepalived.conf");
  const lbB = path.join(dir, "lb-b", "keepalived.conf");
  const original = fs.readFileSync(lbB, "utf8").replace("virtual_router_id 52", "virtual_router_id 51");
  fs.writeFileSync(lbB, original);
  const client = new TestClient();
  let refreshes = 0;
  const waiters: (() => void)[] = [];
  client.connection.onRequest("workspace/inlayHint/refresh", () => {
    refreshes++;
    waiters.splice(0).forEach((w) => w());
    return null;
  });
  const nextRefresh = (after: number) =>
    new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no workspace/inlayHint/refresh (have ${refreshes})`)), 10_000);
      const check = () => (refreshes > after ? (clearTimeout(t), resolve()) : waiters.push(check));
      check();
    });
  const labels = async () => (await client.request<{ label: string }[]>("textDocument/inlayHint", { textDocument: { uri: uriOf(lbA) }, range: RANGE })).map((h) => h.label);
  const onDisk = async (text: string) => {
    fs.writeFileSync(lbB, text);
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf(lbB), type: 2 }] });
  };
  try {
    await client.connection.sendRequest("initialize", {
      processId: process.pid,
      rootUri: uriOf(dir),
      workspaceFolders: [{ uri: uriOf(dir), name: "cluster" }],
      capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true, inlayHint: { refreshSupport: true } } },
    });
    await client.connection.sendNotification("initialized", {});
    await client.open(lbA);
    await client.waitFor(() => client.diagnostics.has(uriOf(lbA)), 10_000);
    for (let tries = 0; tries < 50 && !(await labels()).includes("held by lb-a"); tries++) await new Promise((r) => setTimeout(r, 100));
    assert.ok((await labels()).includes("held by lb-a"), (await labels()).join(", "));

    // lb-b (closed) is raised above lb-a on disk: lb-a's text is the same, its VIP hint is not.
    let seen = refreshes;
    await onDisk(original.replace(/priority 100\b/, "priority 250"));
    await nextRefresh(seen);
    assert.ok((await labels()).includes("held by lb-b"), (await labels()).join(", "));

    // A comment in lb-b changes no hint of lb-a: no refresh.
    seen = refreshes;
    await onDisk(original.replace(/priority 100\b/, "priority 250") + "! a comment\n");
    await new Promise((r) => setTimeout(r, 800));
    assert.equal(refreshes, seen);

    // The same through an open buffer: the user types lb-b's priority back down, unsaved.
    const uriB = await client.open(lbB);
    const text = fs.readFileSync(lbB, "utf8");
    const line = text.split("\n").findIndex((l) => /^\s*priority 250/.test(l));
    seen = refreshes;
    await client.change(uriB, { start: { line, character: 0 }, end: { line, character: text.split("\n")[line].length } }, "    priority 90");
    await nextRefresh(seen);
    assert.ok((await labels()).includes("held by lb-a"), (await labels()).join(", "));
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a client that cannot refresh inlay hints is not asked to", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kalsp-inlay-"));
  fs.cpSync(path.join(REPO, "examples", "cluster"), dir, { recursive: true });
  const lbA = path.join(dir, "lb-a", "keepalived.conf");
  const lbB = path.join(dir, "lb-b", "keepalived.conf");
  const client = new TestClient();
  let refreshes = 0;
  client.connection.onRequest("workspace/inlayHint/refresh", () => (refreshes++, null));
  try {
    await client.initialize([dir]);
    await client.open(lbA);
    const uriB = await client.open(lbB);
    await client.waitFor(() => client.diagnostics.has(uriOf(lbA)) && client.diagnostics.has(uriB), 10_000);
    const text = fs.readFileSync(lbB, "utf8");
    const line = text.split("\n").findIndex((l) => /^\s*priority \d+/.test(l));
    await client.change(uriB, { start: { line, character: 0 }, end: { line, character: text.split("\n")[line].length } }, "    priority 250");
    await client.nextDiagnostics(uriB, 10_000);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(refreshes, 0);
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

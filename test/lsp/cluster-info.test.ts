// What the editor shows about an instance's cluster, over JSON-RPC with the real server on a copy of
// examples/cluster (lb-a 150 and lb-b 100 share the VIP 192.0.2.10; chk_nginx weighs -60):
// hover order, inlay hints (and their off switch), the status bar line.
import { test, before, after } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TestClient, uriOf } from "./lspClient";
import { REPO } from "../helpers";
import type { FileStatusResult } from "../../server/src/protocol";

let dir: string;
let client: TestClient;
let lbA: string, lbB: string;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kainfo-"));
  fs.cpSync(path.join(REPO, "examples", "cluster"), dir, { recursive: true });
  lbA = path.join(dir, "lb-a", "keepalived.conf");
  lbB = path.join(dir, "lb-b", "keepalived.conf");
  client = new TestClient();
  client.settings = { severityOverrides: { "vrrp-firewall-hint": "off" } };
  await client.initialize([dir]);
  await client.open(lbA);
  await client.open(lbB);
  await client.waitFor(() => !!client.diagnostics.get(uriOf(lbA))?.some((d) => d.code === "vrid-mismatch"), 10_000);
});

after(async () => {
  await client.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

function at(file: string, needle: string, delta = 0) {
  const lines = fs.readFileSync(file, "utf8").split("\n");
  const line = lines.findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, needle);
  return { line, character: lines[line].indexOf(needle) + delta };
}

test("hover on an instance name: one line saying what it is, then the doc, then a short cluster section; no block text", async () => {
  const hover = await client.request<{ contents: { value: string } }>("textDocument/hover", { textDocument: { uri: uriOf(lbA) }, position: at(lbA, "VI_WEB", 2) });
  const sections = hover.contents.value.split("\n\n---\n\n");
  assert.equal(sections.length, 3, hover.contents.value);
  assert.equal(sections[0], "`vrrp_instance VI_WEB` — defined in `lb-a/keepalived.conf:11`");
  assert.match(sections[1], /^Defines one VRRP virtual router/);
  assert.match(sections[2], /^\*\*Cluster\*\* — `VI_WEB` on lb-a, MASTER of 2 nodes/);
  assert.match(sections[2], /held by lb-a/);
  assert.ok(sections[2].split("\n\n").length <= 3, `cluster section is short: ${sections[2]}`);
  // The block's own lines (state, interface, ...) are never repeated in the hover.
  assert.doesNotMatch(hover.contents.value, /state MASTER|interface eth0|auth_pass/);
});

test("inlay hints: the priority chk_nginx's failure leaves, and who holds each VIP", async () => {
  const hints = await client.request<{ position: { line: number; character: number }; label: string }[]>("textDocument/inlayHint", {
    textDocument: { uri: uriOf(lbA) },
    range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } },
  });
  const priority = at(lbA, "priority 150", "priority 150".length);
  const vip = at(lbA, "192.0.2.10/24 dev eth0", "192.0.2.10/24 dev eth0".length);
  assert.deepEqual(
    hints.map((h) => [h.position.line, h.position.character, h.label]),
    [
      [priority.line, priority.character, "→ 90 if chk_nginx fails"],
      [vip.line, vip.character, "held by lb-a"],
    ],
  );
  // On the backup, the VIP is still held by lb-a: the hint says so where lb-b lists it.
  const peerHints = await client.request<{ label: string }[]>("textDocument/inlayHint", { textDocument: { uri: uriOf(lbB) }, range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } } });
  assert.deepEqual(peerHints.map((h) => h.label), ["→ 40 if chk_nginx fails", "held by lb-a"]);
});

test("keepalived.inlayHints.enabled: false switches them off", async () => {
  client.settings = { severityOverrides: { "vrrp-firewall-hint": "off" }, inlayHints: { enabled: false } };
  await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
  const range = { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } };
  const deadline = Date.now() + 5000;
  let hints: unknown[] = [1];
  while (hints.length && Date.now() < deadline) {
    hints = await client.request<unknown[]>("textDocument/inlayHint", { textDocument: { uri: uriOf(lbA) }, range });
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.deepEqual(hints, []);
  client.settings = { severityOverrides: { "vrrp-firewall-hint": "off" } };
  await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
});

test("status bar line: the role in the cluster, of how many nodes, and the count of cluster problems", async () => {
  const a = await client.request<FileStatusResult>("keepalived/fileStatus", { uri: uriOf(lbA) });
  assert.equal(a.text, "MASTER of 2 nodes · 1 cluster problem");
  const b = await client.request<FileStatusResult>("keepalived/fileStatus", { uri: uriOf(lbB) });
  assert.equal(b.text, "BACKUP of 2 nodes · 1 cluster problem");
  assert.match(b.tooltip, /VI_WEB: BACKUP \(priority 100\), 2 nodes/);
  // Fixing the planted vrid mismatch clears the count.
  const vrid = at(lbB, "virtual_router_id 52", "virtual_router_id ".length);
  await client.change(uriOf(lbB), { start: vrid, end: { line: vrid.line, character: vrid.character + 2 } }, "51");
  await client.waitFor(() => !client.diagnostics.get(uriOf(lbB))?.some((d) => d.code === "vrid-mismatch"), 5000, "vrid-mismatch to clear");
  const fixed = await client.request<FileStatusResult>("keepalived/fileStatus", { uri: uriOf(lbB) });
  assert.equal(fixed.text, "BACKUP of 2 nodes · 0 cluster problems");
  const none = await client.request<FileStatusResult>("keepalived/fileStatus", { uri: uriOf(path.join(dir, "common", "scripts.conf")) });
  assert.equal(none.text, "");
});

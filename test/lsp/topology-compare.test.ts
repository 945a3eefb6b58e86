// The requests behind the topology view, the comparison and the code lenses, through the real server.
import { test, before, after } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { XMLValidator } from "fast-xml-parser";
import { TestClient, uriOf } from "./lspClient";
import { REPO } from "../helpers";
import type { TopologyResult, PeersResult, CompareResult, PeerConfigResult } from "../../server/src/protocol";

let dir: string;
let client: TestClient;
let lbA: string, lbB: string;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kalsp-topo-"));
  fs.cpSync(path.join(REPO, "examples", "cluster"), dir, { recursive: true });
  lbA = path.join(dir, "lb-a", "keepalived.conf");
  lbB = path.join(dir, "lb-b", "keepalived.conf");
  client = new TestClient();
  await client.initialize([dir]);
  await client.open(lbB);
  await client.waitFor(() => (client.diagnostics.get(uriOf(lbB)) ?? []).some((d) => d.code === "vrid-mismatch"), 10000);
});

after(async () => {
  await client.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("the topology of the active file: both nodes, the VIP, an SVG; failing lb-a moves the VIP", async () => {
  const t = await client.request<TopologyResult>("keepalived/topology", { uri: uriOf(lbB), failures: [] });
  assert.deepEqual(t.topology.clusters.map((c) => c.master), ["lb-a"]);
  assert.deepEqual(t.topology.nodes.map((n) => n.name).sort(), ["lb-a", "lb-b"], "only the clusters of the active file");
  assert.equal(XMLValidator.validate(t.svg), true);
  assert.match(t.dot, /192\.0\.2\.10\/24/);
  assert.match(t.mermaid, /^flowchart LR/);
  const after = await client.request<TopologyResult>("keepalived/topology", { uri: uriOf(lbB), failures: ["lb-a"] });
  assert.equal(after.topology.clusters[0].master, "lb-b");
});

test("a code lens above each vrrp_instance sums up its cluster and opens the topology", async () => {
  const lenses = await client.request<{ range: { start: { line: number } }; command: { title: string; command: string } }[]>("textDocument/codeLens", { textDocument: { uri: uriOf(lbB) } });
  assert.equal(lenses.length, 1);
  assert.equal(lenses[0].range.start.line, 10);
  assert.equal(lenses[0].command.command, "keepalived.showTopology");
  assert.match(lenses[0].command.title, /MASTER on lb-a \(150\) · backup lb-b \(100\) · chk_nginx failing → lb-b takes over/);
});

test("hovering inside an instance shows its effective priority and who holds the VIPs", async () => {
  const hover = await client.request<{ contents: { value: string } }>("textDocument/hover", { textDocument: { uri: uriOf(lbB) }, position: { line: 14, character: 6 } });
  assert.match(hover.contents.value, /Effective priority: 100 → BACKUP/);
  assert.match(hover.contents.value, /held by lb-a/);
});

test("compare with peer: the peer is found, the VRID row is a mismatch with its fix", async () => {
  const peers = await client.request<PeersResult>("keepalived/peers", { uri: uriOf(lbB) });
  assert.equal(peers.node?.name, "lb-b");
  assert.deepEqual(peers.peers.map((p) => p.name), ["lb-a"]);
  const result = await client.request<CompareResult>("keepalived/compare", { uri: uriOf(lbB), peerUri: peers.peers[0].uri });
  const table = result.tables[0];
  const vrid = table.rows.find((r) => r.setting === "virtual_router_id")!;
  assert.equal(vrid.status, "mismatch");
  assert.ok(table.fixes.virtual_router_id.length >= 1, "a fix is one click away");
  assert.equal(table.rows.find((r) => r.setting === "state")!.status, "expected");
});

test("create peer config returns the counterpart text", async () => {
  const r = await client.request<PeerConfigResult>("keepalived/peerConfig", { uri: uriOf(lbA), name: "lb-c" });
  assert.match(r.text ?? "", /router_id lb-c/);
  assert.match(r.text ?? "", /state BACKUP/);
  const bad = await client.request<PeerConfigResult>("keepalived/peerConfig", { uri: uriOf(path.join(dir, "common", "scripts.conf")) });
  assert.ok(bad.error);
});

// The master/backup comparison table and the generated peer config.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { workspaceOf, REPO, exampleWorkspace } from "../helpers";
import { compareCluster, comparisonText } from "../../server/src/core/compare/compare";
import { createPeerConfig } from "../../server/src/core/compare/peerConfig";

const example = (name: string) => fs.readFileSync(path.join(REPO, "examples/cluster", name), "utf8");

test("the table marks the planted VRID as a mismatch and state/priority/addresses as expected", () => {
  const ws = exampleWorkspace();
  const view = ws.clusters();
  assert.equal(view.clusters.length, 1);
  const table = compareCluster(view.clusters[0], ws.diagnostics());
  assert.deepEqual(table.nodes, ["lb-a", "lb-b"]);
  const status = Object.fromEntries(table.rows.map((r) => [r.setting, r.status]));
  assert.equal(status.virtual_router_id, "mismatch");
  assert.equal(status.state, "expected");
  assert.equal(status.priority, "expected");
  assert.equal(status.interface, "expected");
  assert.equal(status.unicast_src_ip, "expected");
  assert.equal(status.auth_pass, "equal");
  assert.equal(status.virtual_ipaddress, "equal");
  assert.ok(table.rows.find((r) => r.setting === "virtual_router_id")!.codes.includes("vrid-mismatch"));
  assert.ok(!comparisonText(table).includes("s3cr3tpw"), "the password is never printed");
});

test("equal priorities are a mismatch", () => {
  const b = example("lb-b/keepalived.conf").replace("virtual_router_id 52", "virtual_router_id 51").replace("priority 100", "priority 150");
  const ws = workspaceOf({ "lb-a/keepalived.conf": example("lb-a/keepalived.conf"), "lb-b/keepalived.conf": b, "common/scripts.conf": example("common/scripts.conf") });
  const table = compareCluster(ws.clusters().clusters[0], ws.diagnostics());
  assert.equal(table.rows.find((r) => r.setting === "priority")!.status, "mismatch");
});

test("a generated peer config steps down, swaps unicast addresses, keeps comments, and compares consistent", () => {
  const ws = exampleWorkspace();
  const model = ws.clusters().models.find((m) => m.name === "lb-a")!;
  const peer = createPeerConfig(model, { name: "lb-c" });
  assert.match(peer, /state BACKUP/);
  assert.match(peer, /priority 140/);
  assert.match(peer, /router_id lb-c/);
  assert.match(peer, /unicast_src_ip 10\.0\.0\.12/);
  assert.match(peer, /! lb-a: the preferred master/, "comments survive");
  const ws2 = workspaceOf({ "lb-a/keepalived.conf": example("lb-a/keepalived.conf"), "lb-c/keepalived.conf": peer, "common/scripts.conf": example("common/scripts.conf") });
  const table = compareCluster(ws2.clusters().clusters[0], ws2.diagnostics());
  assert.deepEqual(table.rows.filter((r) => r.status === "mismatch").map((r) => r.setting), []);
  assert.deepEqual(ws2.diagnostics().filter((d) => d.severity === "error"), []);
});

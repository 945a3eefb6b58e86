import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as path from "path";
import { nodeText, pair } from "./helpers";
import { ROOT, workspaceOf, withCode } from "../helpers";

test("after one edit only the edited node's model and its cluster are rebuilt", () => {
  const files = { ...pair(), ...Object.fromEntries(Object.entries(pair({ vips: ["198.51.100.1"], vrid: 9 }, { vips: ["198.51.100.1"], vrid: 9 })).map(([k, v]) => [k.replace("lb-", "db-"), v.replace(/router_id lb-/, "router_id db-").replace(/10\.0\.0\./g, "10.0.9.")])) };
  const ws = workspaceOf(files);
  ws.diagnostics();
  const analysis = (ws as unknown as { clusterAnalysis: { stats: { modelsBuilt: number; clustersChecked: number } } }).clusterAnalysis;
  assert.deepEqual(analysis.stats, { modelsBuilt: 4, clustersChecked: 2 });
  const file = path.join(ROOT, "lb-b/keepalived.conf");
  ws.setText(file, files["lb-b/keepalived.conf"].replace("virtual_router_id 51", "virtual_router_id 52"));
  assert.equal(withCode(ws.diagnostics(), "vrid-mismatch").length, 2);
  assert.deepEqual(analysis.stats, { modelsBuilt: 1, clustersChecked: 1 });
});

import * as fc from "fast-check";

/** Applies each edit (file index, offset, characters deleted, text inserted) to the incremental
 *  workspace and checks that `view` of it equals `view` of a fresh workspace of the same texts. */
function editAndCompare<T>(files: Record<string, string>, edits: [number, number, number, string][], view: (ws: ReturnType<typeof workspaceOf>) => T): void {
  const names = Object.keys(files);
  const texts = { ...files };
  const ws = workspaceOf(texts);
  ws.diagnostics();
  for (const [which, at0, del, ins] of edits) {
    const name = names[which];
    const text = texts[name];
    const at = at0 % (text.length + 1);
    texts[name] = text.slice(0, at) + ins + text.slice(at + del);
    ws.setText(path.join(ROOT, name), texts[name]);
    assert.deepEqual(view(ws), view(workspaceOf(texts)));
  }
}

// What an edit can do to a node's lines: Enter, a deleted line, a pasted instance, braces, a changed value.
const PASTES = ["\n", "\n    ", "    priority 120\n", "vrrp_instance VI_9 {\n    virtual_router_id 51\n    priority 90\n    virtual_ipaddress {\n        192.0.2.10/24\n    }\n}\n", " {", "}", "{\n", "1", "#", "\n\n"];

test("random edits that add and remove lines: the incremental workspace gives what a fresh one gives, fixes included", () => {
  const files = { ...pair(), ...Object.fromEntries(Object.entries(pair({ vips: ["198.51.100.1/24"], vrid: 9 }, { vips: ["198.51.100.1/24"], vrid: 9, priority: 150 })).map(([k, v]) => [k.replace("lb-", "db-"), v.replace(/router_id lb-/, "router_id db-").replace(/10\.0\.0\./g, "10.0.9.")])) };
  const names = Object.keys(files);
  const snapshot = (ds: ReturnType<typeof withCode>) => JSON.parse(JSON.stringify(ds));
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(names.length - 1), fc.nat(2000), fc.nat(30), fc.constantFrom(...PASTES)), { minLength: 1, maxLength: 6 }), (edits) =>
      editAndCompare(files, edits, (ws) => snapshot(ws.diagnostics())),
    ),
    { numRuns: 200, seed: 21 },
  );
});

test("`{` then `}` typed in one instance (a stray block lifted to the top level) rebuild that instance only; a changed vrrp_script rebuilds them all", () => {
  const instances = Array.from({ length: 6 }, (_, i) => `vrrp_instance VI_${i} {\n    state MASTER\n    interface eth0\n    virtual_router_id ${i + 1}\n    priority 100\n    advert_int 1\n    authentication {\n        auth_type PASS\n        auth_pass secret${i}x\n    }\n    virtual_ipaddress {\n        10.0.0.${i + 1}/24\n    }\n    track_script {\n        chk\n    }\n}\n`).join("");
  const script = "vrrp_script chk {\n    script /bin/true\n    weight -20\n}\n";
  const name = "lb-a/keepalived.conf";
  const texts: Record<string, string> = { [name]: `global_defs {\n    router_id lb-a\n}\n${script}${instances}` };
  const ws = workspaceOf(texts);
  ws.diagnostics();
  const analysis = (ws as unknown as { clusterAnalysis: { stats: { modelsBuilt: number; clustersChecked: number } } }).clusterAnalysis;
  const at = texts[name].indexOf("    advert_int 1", texts[name].indexOf("VI_3")) + "    advert_int 1".length;
  const snapshot = (ds: ReturnType<typeof withCode>) => JSON.parse(JSON.stringify(ds));
  for (const typed of [" {", " {}", ""]) {
    const text = texts[name].slice(0, at) + typed + texts[name].slice(at);
    ws.setText(path.join(ROOT, name), text);
    assert.deepEqual(snapshot(ws.diagnostics()), snapshot(workspaceOf({ [name]: text }).diagnostics()), `after typing '${typed}'`);
    assert.equal(analysis.stats.clustersChecked, 1, `only VI_3's cluster is re-checked after typing '${typed}'`);
  }
  const weaker = texts[name].replace("weight -20", "weight -30");
  ws.setText(path.join(ROOT, name), weaker);
  assert.deepEqual(snapshot(ws.diagnostics()), snapshot(workspaceOf({ [name]: weaker }).diagnostics()));
  assert.equal(analysis.stats.clustersChecked, 6, "a tracker every instance reads changed: all are re-checked");
});

test("random edits: the clusters of the incremental workspace (paired again only when pairing could differ) are a fresh workspace's", () => {
  // One pair over unicast (priority counts for pairing there), one over multicast, on shared VIPs.
  const multicast = pair({ routerId: "db-a", src: undefined, peers: undefined, vrid: 9, vips: ["198.51.100.1/24"] }, { routerId: "db-b", src: undefined, peers: undefined, vrid: 9, vips: ["198.51.100.1/24"], priority: 150 });
  const files = { ...pair(), ...Object.fromEntries(Object.entries(multicast).map(([k, v]) => [k.replace("lb-", "db-"), v])) };
  const names = Object.keys(files);
  const shape = (ws: ReturnType<typeof workspaceOf>) => ws.clusters().clusters.map((c) => ({ id: c.id, evidence: c.evidence, members: c.members.map((m) => `${m.node.name}/${m.name} ${m.priority.value} ${m.vrid?.value}`) }));
  const EDITS = ["0", "1", "5", "\n", " {", "}", "#", "    priority 120\n", "    virtual_router_id 9\n"];
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(names.length - 1), fc.nat(2000), fc.nat(6), fc.constantFrom(...EDITS)), { minLength: 1, maxLength: 8 }), (edits) =>
      editAndCompare(files, edits, shape),
    ),
    { numRuns: 150, seed: 13 },
  );
});

/** Three nodes whose instances clash on VRIDs (on one node and on one segment) and share a strong password across unrelated clusters. */
function crossClusterFiles(): Record<string, string> {
  const pass = { authType: "PASS", authPass: "Str0ngPw9" };
  return {
    "lb-a/keepalived.conf": nodeText({ routerId: "lb-a", instances: [
      { name: "VI_1", state: "MASTER", vrid: 51, priority: 150, vips: ["192.0.2.10/24"], ...pass },
      { name: "VI_2", state: "MASTER", vrid: 51, priority: 150, vips: ["192.0.2.11/24"], authType: "PASS", authPass: "0therPw7" },
      { name: "VI_3", state: "MASTER", vrid: 60, priority: 150, vips: ["198.51.100.5/24"], ...pass },
    ] }),
    "lb-b/keepalived.conf": nodeText({ routerId: "lb-b", instances: [
      { name: "VI_1", vrid: 51, priority: 100, vips: ["192.0.2.10/24"], ...pass },
      { name: "VI_3", vrid: 60, priority: 100, vips: ["198.51.100.5/24"], ...pass },
    ] }),
    "db-a/keepalived.conf": nodeText({ routerId: "db-a", instances: [
      { name: "DB", state: "MASTER", vrid: 51, priority: 120, vips: ["192.0.2.20/24"], authType: "PASS", authPass: "0therPw7" },
      { name: "DB_2", vrid: 70, priority: 120, vips: ["203.0.113.7/24"], ...pass },
    ] }),
  };
}

test("random edits among clashing VRIDs and shared passwords: cross-cluster findings (kept per VRID and per password) are a fresh workspace's, fixes included", () => {
  const files = crossClusterFiles();
  const fresh = workspaceOf(files).diagnostics();
  assert.ok(withCode(fresh, "vrid-conflict").length >= 3, "the files clash on one node and on one segment");
  assert.ok(withCode(fresh, "weak-auth-pass").some((d) => d.message.includes("unrelated cluster")), "a strong password is shared by unrelated clusters");
  const names = Object.keys(files);
  const snapshot = (ds: ReturnType<typeof withCode>) => JSON.parse(JSON.stringify(ds));
  const EDITS = ["0", "1", "5", "7", "\n", " {", "}", "#", "x", "    virtual_router_id 51\n", "    virtual_router_id 60\n", "        auth_pass Str0ngPw9\n", "    interface eth1\n"];
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(names.length - 1), fc.nat(3000), fc.nat(8), fc.constantFrom(...EDITS)), { minLength: 1, maxLength: 8 }), (edits) =>
      editAndCompare(files, edits, (ws) => snapshot(ws.diagnostics())),
    ),
    { numRuns: 200, seed: 34 },
  );
});

test("a digit typed in one instance re-checks only its VRID's and its password's cross-cluster findings; a fix read before another VRID changes is not kept", () => {
  const files = crossClusterFiles();
  const ws = workspaceOf(files);
  ws.diagnostics();
  const cross = (ws as unknown as { clusterAnalysis: { crossCluster: { partitionsChecked: number } } }).clusterAnalysis.crossCluster;
  assert.ok(cross.partitionsChecked >= 5, "the first analysis checks every VRID and password");
  const name = "db-a/keepalived.conf";
  const before = withCode(ws.diagnostics(), "vrid-conflict").find((d) => d.file.endsWith(name))!;
  const offeredBefore = before.fixes![0].title;
  // DB_2 moves from VRID 70 to 52, the VRID vrid-conflict's fix for DB offered: DB's findings are kept, its fix must not be.
  assert.match(offeredBefore, /virtual_router_id 52 /);
  const text = files[name].replace("virtual_router_id 70", "virtual_router_id 52");
  ws.setText(path.join(ROOT, name), text);
  const after = ws.diagnostics();
  assert.equal(cross.partitionsChecked, 2, "VRID 52 and DB_2's password, whose cluster is a new object (VRID 70 is dropped)");
  assert.deepEqual(snapshot(after), snapshot(workspaceOf({ ...files, [name]: text }).diagnostics()));
  assert.doesNotMatch(withCode(after, "vrid-conflict").find((d) => d.file.endsWith(name))!.fixes![0].title, /virtual_router_id 52 /);
});

function snapshot(ds: unknown): unknown {
  return JSON.parse(JSON.stringify(ds));
}

test("a new node shown by the same name renames another node: cross-cluster messages kept for unchanged clusters name it as a fresh check does", () => {
  // db-a's folder is db-1: once another node says router_id db-a, both are shown by their folders.
  const { "db-a/keepalived.conf": db, ...rest } = crossClusterFiles();
  const files = { ...rest, "db-1/keepalived.conf": db };
  const ws = workspaceOf(files);
  const before = withCode(ws.diagnostics(), "vrid-conflict").map((d) => d.message).join("\n");
  assert.match(before, /DB on db-a /);
  const added = { ...files, "db-2/keepalived.conf": nodeText({ routerId: "db-a", instances: [{ name: "OTHER", vrid: 99, vips: ["203.0.113.99/24"] }] }) };
  const file = path.join(ROOT, "db-2/keepalived.conf");
  ws.setText(file, added["db-2/keepalived.conf"]);
  ws.addFiles([file]);
  const after = ws.diagnostics();
  assert.deepEqual(snapshot(after), snapshot(workspaceOf(added).diagnostics()));
  assert.notEqual(withCode(after, "vrid-conflict").map((d) => d.message).join("\n"), before, "db-a is now shown by a distinct name");
});

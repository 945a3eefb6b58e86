import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as path from "path";
import { pair } from "./helpers";
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

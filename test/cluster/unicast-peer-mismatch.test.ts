import { test } from "node:test";
import * as assert from "node:assert/strict";
import { pair, clusterDiagnostics, fixAndRecheck } from "./helpers";
import { withCode, workspaceOf } from "../helpers";

const three = (cPeers: string[]) => ({
  ...pair({ peers: ["10.0.0.12", "10.0.0.13"] }, { peers: ["10.0.0.11", "10.0.0.13"] }),
  "lb-c/keepalived.conf": pair({}, { routerId: "lb-c", src: "10.0.0.13", peers: cPeers, priority: 50 })["lb-b/keepalived.conf"],
});

test("a three-node cluster where lb-c misses lb-b: reported on lb-c, pointing at lb-b's unicast_src_ip", () => {
  const d = clusterDiagnostics(three(["10.0.0.11"]), "unicast-peer-mismatch");
  assert.equal(d.length, 1);
  assert.ok(d[0].file.includes("lb-c"));
  assert.match(d[0].message, /misses 10\.0\.0\.12 \(lb-b\)/);
  assert.ok(d[0].related?.[0].file.includes("lb-b"));
});

test("a peer address no member has: reported on the line", () => {
  const d = clusterDiagnostics(pair({ peers: ["10.0.0.12", "10.0.0.99"] }, {}), "unicast-peer-mismatch");
  assert.equal(d.length, 1);
  assert.match(d[0].message, /10\.0\.0\.99/);
});

test("complete peer lists, and multicast pairs: silent", () => {
  assert.deepEqual(clusterDiagnostics(three(["10.0.0.11", "10.0.0.12"]), "unicast-peer-mismatch"), []);
  assert.deepEqual(clusterDiagnostics(pair({ src: undefined, peers: undefined }, { src: undefined, peers: undefined }), "unicast-peer-mismatch"), []);
});

test("fix: add the missing unicast peer", () => {
  const { remaining } = fixAndRecheck(three(["10.0.0.11"]), "unicast-peer-mismatch", /Add unicast peer/);
  assert.deepEqual(withCode(remaining, "unicast-peer-mismatch"), []);
});

test("a second vrrp_instance of the same name is skipped by keepalived, so it joins no cluster and no peer check", () => {
  const files = pair();
  // lb-a repeats VI_1 with other unicast peers (a pasted block): keepalived says "already defined" and skips it.
  files["lb-a/keepalived.conf"] += "\nvrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    virtual_router_id 51\n    priority 90\n    unicast_src_ip 10.0.0.11\n    unicast_peer {\n        10.0.0.98\n        10.0.0.99\n    }\n    virtual_ipaddress {\n        192.0.2.10/24\n    }\n}\n";
  assert.deepEqual(clusterDiagnostics(files, "unicast-peer-mismatch"), []);
  const view = workspaceOf(files).clusters();
  assert.equal(view.clusters.length, 1);
  assert.deepEqual(view.clusters[0].members.map((m) => `${m.node.name}/${m.name}/${m.priority.value}`), ["lb-a/VI_1/150", "lb-b/VI_1/100"]);
});

test("a unicast_src_ip copied from the peer: one error on the copy, no advice to list a node's own address", () => {
  const d = clusterDiagnostics(pair({ state: "MASTER", src: "10.0.0.11", peers: ["10.0.0.7"] }, { src: "10.0.0.11", peers: ["10.0.0.7"] }), "unicast-peer-mismatch");
  assert.equal(d.length, 1);
  assert.ok(d[0].file.includes("lb-b"));
  assert.match(d[0].message, /unicast_src_ip 10\.0\.0\.11 on lb-b is also the one of lb-a/);
  assert.ok(d[0].related?.[0].file.includes("lb-a"));
});

test("no fix removes the last peer (the instance would turn to multicast) or proposes a placeholder as a peer", () => {
  const last = clusterDiagnostics(pair({ peers: ["10.0.0.99"] }, {}), "unicast-peer-mismatch").filter((d) => /10\.0\.0\.99/.test(d.message) && /not the unicast_src_ip/.test(d.message));
  assert.equal(last.length, 1);
  assert.deepEqual(last[0].fixes, []);
  const placeholder = clusterDiagnostics(pair({ peers: ["10.0.0.12"] }, { src: "[main_ip]", peers: ["10.0.0.11"] }), "unicast-peer-mismatch").filter((d) => /misses/.test(d.message));
  assert.ok(placeholder.length >= 1);
  for (const d of placeholder) assert.deepEqual(d.fixes, []);
});

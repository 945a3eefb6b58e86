import { test } from "node:test";
import * as assert from "node:assert/strict";
import { pair } from "./helpers";
import { workspaceOf } from "../helpers";
import { Failures, holdersOf } from "../../server/src/core/cluster/failover";

const script = `vrrp_script chk_nginx {\n    script "/usr/bin/pgrep nginx"\n    weight -60\n}`;

function view(a = {}, b = {}) {
  const ws = workspaceOf(pair({ before: script, tracks: ["chk_nginx"], ...a }, { before: script, tracks: ["chk_nginx"], ...b }));
  return ws.clusters();
}

test("holders: MASTER first with effective priorities; the summary says who takes over", () => {
  const v = view();
  const c = v.clusters[0];
  assert.deepEqual(v.failover(c).holders.map((h) => [h.node, h.role, h.priority]), [["lb-a", "MASTER", 150], ["lb-b", "BACKUP", 100]]);
  assert.equal(v.summary(c), "MASTER on lb-a (150) · backup lb-b (100) · chk_nginx failing → lb-b takes over");
});

test("simulate: a script failing on one node, a node going down, an interface failing", () => {
  const v = view();
  const [r] = v.simulate(["lb-a:chk_nginx"]);
  assert.equal(r.after.master?.node, "lb-b");
  assert.equal(r.after.holders.find((h) => h.node === "lb-a")?.priority, 90);
  assert.equal(v.simulate(["chk_nginx"])[0].after.master?.node, "lb-a"); // failing everywhere: 90 vs 40
  assert.equal(v.simulate(["lb-a"])[0].after.master?.node, "lb-b");
  const iface = v.simulate(["lb-a:eth0"])[0].after;
  assert.equal(iface.holders.find((h) => h.node === "lb-a")?.role, "FAULT");
  assert.equal(iface.master?.node, "lb-b");
});

test("nopreempt on the higher backup keeps the running master (e.g. after lb-b came back)", () => {
  const v = view({ priority: 100, tracks: [] }, { priority: 150, tracks: [], extra: ["nopreempt"] });
  const c = v.clusters[0];
  assert.equal(v.failover(c).master?.node, "lb-b");
  const lbA = c.members.find((m) => m.node.name === "lb-a")!;
  const kept = holdersOf(c, new Failures([]), lbA);
  assert.equal(kept.master?.node, "lb-a");
  assert.match(kept.master?.reason ?? "", /nopreempt/);
});

test("ties are broken by the higher unicast_src_ip", () => {
  const v = view({ priority: 100, tracks: [] }, { priority: 100, tracks: [] });
  assert.equal(v.failover(v.clusters[0]).master?.node, "lb-b"); // 10.0.0.12 > 10.0.0.11
});

test("sync group: a fault in one member instance takes the group's other instance on that node along", () => {
  const group = `vrrp_sync_group G {\n    group {\n        VI_1\n        VI_2\n    }\n}`;
  const inst = (name: string, vrid: number, vip: string, iface: string) => ({ name, vrid, vips: [vip], iface, authType: "PASS", authPass: "x" });
  const files = {
    ...pair(
      { before: group, instances: [{ ...inst("VI_1", 1, "192.0.2.1", "eth0"), priority: 150, src: "10.0.0.11", peers: ["10.0.0.12"] }, { ...inst("VI_2", 2, "198.51.100.1", "eth1"), priority: 150, src: "10.0.1.11", peers: ["10.0.1.12"] }] },
      { before: group, instances: [{ ...inst("VI_1", 1, "192.0.2.1", "eth0"), priority: 100, src: "10.0.0.12", peers: ["10.0.0.11"] }, { ...inst("VI_2", 2, "198.51.100.1", "eth1"), priority: 100, src: "10.0.1.12", peers: ["10.0.1.11"] }] },
    ),
  };
  const v = workspaceOf(files).clusters();
  const results = v.simulate(["lb-a:eth1"]);
  for (const r of results) assert.equal(r.after.master?.node, "lb-b", r.cluster.members[0].name);
});

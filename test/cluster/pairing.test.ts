import { test } from "node:test";
import * as assert from "node:assert/strict";
import { pair, nodeText } from "./helpers";
import * as fs from "fs";
import * as path from "path";
import { sharedDir, workspaceOf } from "../helpers";
import { Workspace } from "../../server/src/core/check/workspace";
import { CLUSTER_RULES, CROSS_CLUSTER_RULES } from "../../server/src/core/cluster/rules";

/** Every code a cross-file rule reports. */
const CLUSTER_CODES = new Set([...CLUSTER_RULES, ...CROSS_CLUSTER_RULES].map((r) => r.code));

const CROSS_CODES = /mismatch|conflict|duplicate-priority|address-owners|track-weight/;

function rename(files: Record<string, string>, a: string, b: string): Record<string, string> {
  return { [`${a}/keepalived.conf`]: files["lb-a/keepalived.conf"].replace("router_id lb-a", `router_id ${a}`), [`${b}/keepalived.conf`]: files["lb-b/keepalived.conf"].replace("router_id lb-b", `router_id ${b}`) };
}

test("two unrelated VI_1 pairs (different VRIDs, disjoint VIPs, multicast): two clusters, nothing reported", () => {
  const multicast = { src: undefined, peers: undefined };
  const files = {
    ...rename(pair({ ...multicast, vrid: 10, vips: ["192.0.2.10"] }, { ...multicast, vrid: 10, vips: ["192.0.2.10"] }), "web-a", "web-b"),
    ...rename(pair({ ...multicast, vrid: 20, vips: ["198.51.100.10"] }, { ...multicast, vrid: 20, vips: ["198.51.100.10"] }), "db-a", "db-b"),
  };
  const ws = workspaceOf(files);
  const clusters = ws.clusters().clusters;
  assert.deepEqual(clusters.map((c) => c.members.map((m) => m.node.name).join("+")).sort(), ["db-a+db-b", "web-a+web-b"]);
  assert.deepEqual(ws.diagnostics().filter((d) => CROSS_CODES.test(d.code)), []);
});

test("same name and VRID pairs multicast members that share nothing else (a VIP typo shows)", () => {
  const multicast = { src: undefined, peers: undefined };
  const ws = workspaceOf(pair({ ...multicast, vips: ["192.0.2.10"] }, { ...multicast, vips: ["192.0.2.11"] }));
  assert.equal(ws.clusters().clusters.length, 1);
  assert.deepEqual(ws.clusters().clusters[0].evidence, ["name-and-vrid"]);
});

test("two instances between the same two hosts (same unicast addresses) stay two clusters", () => {
  const inst = (name: string, vrid: number, vip: string) => ({ name, vrid, vips: [vip] });
  const a = nodeText({ routerId: "lb-a", src: "10.0.0.11", peers: ["10.0.0.12"], instances: [{ ...inst("VI_WEB", 51, "192.0.2.10"), src: "10.0.0.11", peers: ["10.0.0.12"], priority: 150 }, { ...inst("VI_DB", 52, "192.0.2.20"), src: "10.0.0.11", peers: ["10.0.0.12"], priority: 150 }] });
  const b = nodeText({ routerId: "lb-b", instances: [{ ...inst("VI_WEB", 51, "192.0.2.10"), src: "10.0.0.12", peers: ["10.0.0.11"] }, { ...inst("VI_DB", 53, "192.0.2.21"), src: "10.0.0.12", peers: ["10.0.0.11"] }] });
  const ws = workspaceOf({ "lb-a/keepalived.conf": a, "lb-b/keepalived.conf": b });
  const clusters = ws.clusters().clusters.map((c) => c.members.map((m) => `${m.node.name}/${m.name}`).join("+")).sort();
  assert.deepEqual(clusters, ["lb-a/VI_DB+lb-b/VI_DB", "lb-a/VI_WEB+lb-b/VI_WEB"]);
  // The typo'd VI_DB pair is found by name + unicast and reported.
  assert.equal(ws.diagnostics().filter((d) => d.code === "vrid-mismatch").length, 2);
});

test("three nodes sharing a VIP form one cluster", () => {
  const files = { ...pair(), "lb-c/keepalived.conf": pair({}, { routerId: "lb-c", priority: 50, src: "10.0.0.13" })["lb-b/keepalived.conf"] };
  assert.equal(workspaceOf(files).clusters().clusters[0].members.length, 3);
});

test("node names: router_id, else the folder of keepalived.conf, else the file name; @id variants by config id", () => {
  const ws = workspaceOf({
    "lb-a/keepalived.conf": "vrrp_instance VI_1 {\n virtual_router_id 1\n}\n",
    "conf/edge1.conf": "global_defs {\n router_id edge-1\n}\n",
    "conf/other.conf": "vrrp_instance VI_2 {\n virtual_router_id 2\n}\n",
    "both/keepalived.conf": "@n1 global_defs {\n router_id ignored\n}\nvrrp_instance VI_3 {\n@n1 priority 150\n@n2 priority 100\n virtual_router_id 3\n}\n",
  });
  assert.deepEqual(ws.clusters().models.map((m) => m.name).sort(), ["edge-1", "lb-a", "n1", "n2", "other.conf"]);
});

test("peerPairing overrides pair instances that share no evidence, so their mismatches show", () => {
  const files = {
    "a/keepalived.conf": nodeText({ routerId: "a", name: "WEB", state: "MASTER", priority: 150, vrid: 10, vips: ["192.0.2.10/24"] }),
    "b/keepalived.conf": nodeText({ routerId: "b", name: "WEB_NEW", state: "BACKUP", priority: 100, vrid: 11, vips: ["192.0.2.11/24"] }),
  };
  assert.equal(workspaceOf(files).clusters().clusters.length, 2, "nothing links them by itself");
  const ws = workspaceOf(files, { peerPairing: { "a/WEB": "b/WEB_NEW" } });
  const view = ws.clusters();
  assert.equal(view.clusters.length, 1);
  assert.ok(view.clusters[0].evidence.includes("override"));
  const codes = new Set(ws.diagnostics().map((d) => d.code));
  assert.ok(codes.has("vrid-mismatch") && codes.has("vip-mismatch"));
});

const multicast = { src: undefined, peers: undefined };

test("tutorial copies: two real pairs on one VIP stay two clusters, and a lone copy matching both equally joins neither", () => {
  const files = {
    ...rename(pair({ ...multicast, authPass: "pairOne1" }, { ...multicast, authPass: "pairOne1" }), "one-a", "one-b"),
    ...rename(pair({ ...multicast, authPass: "pairTwo2" }, { ...multicast, authPass: "pairTwo2" }), "two-a", "two-b"),
    "lone/keepalived.conf": nodeText({ routerId: "lone", state: "MASTER", priority: 100, vrid: 51, authType: "PASS", authPass: "another3", vips: ["192.0.2.10/24"] }),
  };
  const ws = workspaceOf(files);
  assert.deepEqual(ws.clusters().clusters.map((c) => c.members.map((m) => m.node.name).join("+")).sort(), ["lone", "one-a+one-b", "two-a+two-b"]);
  assert.deepEqual(ws.diagnostics().filter((d) => CROSS_CODES.test(d.code)), []);
});

test("a shared VIP under another instance name and another VRID is a reused address, not a pair", () => {
  const ws = workspaceOf({
    "a/keepalived.conf": nodeText({ routerId: "a", name: "VI_1", state: "MASTER", priority: 150, vrid: 51, vips: ["192.168.1.100"] }),
    "b/keepalived.conf": nodeText({ routerId: "b", name: "VI_K8S", state: "BACKUP", priority: 100, vrid: 100, vips: ["192.168.1.100", "192.168.1.200"] }),
  });
  assert.equal(ws.clusters().clusters.length, 2);
  assert.deepEqual(ws.diagnostics().filter((d) => CROSS_CODES.test(d.code)), []);
});

test("two copies of one host (same unicast_src_ip, priority and state) are not peers; the real peer pairs with one", () => {
  const files = {
    ...pair(),
    "copy/keepalived.conf": pair({ routerId: "copy", authPass: "otherpw1" })["lb-a/keepalived.conf"],
  };
  const clusters = workspaceOf(files).clusters().clusters.map((c) => c.members.map((m) => m.node.name).join("+")).sort();
  assert.deepEqual(clusters, ["copy", "lb-a+lb-b"]);
});

test("name and VRID alone pair only a master and a backup whose VIPs share a network and whose auth agrees", () => {
  const far = workspaceOf(pair({ ...multicast, vips: ["192.0.2.10"] }, { ...multicast, vips: ["198.51.100.10"] }));
  assert.equal(far.clusters().clusters.length, 2, "VIPs in unrelated networks");
  const otherAuth = workspaceOf(pair({ ...multicast, vips: ["192.0.2.10"] }, { ...multicast, vips: ["192.0.2.11"], authPass: "different" }));
  assert.equal(otherAuth.clusters().clusters.length, 2, "another password as well");
  const twoMasters = workspaceOf(pair({ ...multicast, vips: ["192.0.2.10"] }, { ...multicast, vips: ["192.0.2.11"], state: "MASTER" }));
  assert.equal(twoMasters.clusters().clusters.length, 2, "two masters with different VIPs are two routers");
});

test("real-world configs/ checked as one folder: no cross-file finding links files of two different repositories", (t) => {
  const shared = sharedDir();
  if (!shared) return t.skip("../shared is absent: no real-world corpus");
  const root = path.join(shared, "corpus", "real-world");
  const repoOf = new Map(fs.readFileSync(path.join(root, "SOURCES.tsv"), "utf8").split("\n").slice(1).filter(Boolean).map((l) => l.split("\t")).map(([f, repo]) => [path.join(root, "configs", f), repo]));
  const files = [...repoOf.keys()].filter((f) => fs.existsSync(f));
  const ws = new Workspace({});
  ws.addFiles(files);
  const cross = ws.diagnostics().filter((d) => CLUSTER_CODES.has(d.code));
  const spanning = cross.filter((d) => new Set([d.file, ...(d.related ?? []).map((r) => r.file)].map((f) => repoOf.get(f))).size > 1);
  t.diagnostic(`${files.length} files, ${cross.length} cross-file findings, ${spanning.length} across repositories`);
  assert.deepEqual(spanning.map((d) => `${path.basename(d.file)}: ${d.message}`), []);
});

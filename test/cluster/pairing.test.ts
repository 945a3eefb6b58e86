import { test } from "node:test";
import * as assert from "node:assert/strict";
import { pair, nodeText } from "./helpers";
import { workspaceOf } from "../helpers";

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

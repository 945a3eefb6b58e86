import { test } from "node:test";
import * as assert from "node:assert/strict";
import { pair, clusterDiagnostics, filesOf } from "./helpers";

test("a VIP equal to the node's unicast_src_ip, a peer's address: errors on the VIP line", () => {
  const own = clusterDiagnostics(pair({ vips: ["10.0.0.11/24"] }, { vips: ["10.0.0.11/24"] }), "vip-is-node-address");
  assert.deepEqual(filesOf(own), ["lb-a/keepalived.conf", "lb-b/keepalived.conf"]);
  assert.ok(own.every((d) => d.severity === "warning"));
  assert.match(own.find((d) => d.file.includes("lb-a"))!.message, /unicast_src_ip of lb-a/);
  assert.match(own.find((d) => d.file.includes("lb-b"))!.message, /unicast_peer/);
});

test("a lone node whose VIP is its own address: still an error", () => {
  const files = { "lb-a/keepalived.conf": pair({ vips: ["10.0.0.11"] })["lb-a/keepalived.conf"] };
  assert.equal(clusterDiagnostics(files, "vip-is-node-address").length, 1);
});

test("VIPs no node has: silent", () => {
  assert.deepEqual(clusterDiagnostics(pair({ vips: ["10.0.0.10/24"] }, { vips: ["10.0.0.10/24"] }), "vip-is-node-address"), []);
});

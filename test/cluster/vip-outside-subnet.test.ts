import { test } from "node:test";
import * as assert from "node:assert/strict";
import { pair, clusterDiagnostics } from "./helpers";

test("a /24 VIP next to the /24 the nodes' addresses share (10.0.1.x beside 10.0.0.x): warned", () => {
  const d = clusterDiagnostics(pair({ vips: ["10.0.1.10/24"] }, { vips: ["10.0.1.10/24"] }), "vip-outside-subnet");
  assert.equal(d.length, 2);
  assert.ok(d.every((x) => x.severity === "warning"));
  assert.match(d[0].message, /outside 10\.0\.0\.0\/24, the subnet of lb-[ab]'s address/);
});

test("silent: VIP in the nodes' subnet, a /32, another interface (dev), no unicast peers to tell", () => {
  assert.deepEqual(clusterDiagnostics(pair({ vips: ["10.0.0.10/24"] }, { vips: ["10.0.0.10/24"] }), "vip-outside-subnet"), []);
  assert.deepEqual(clusterDiagnostics(pair({ vips: ["198.51.100.7"] }, { vips: ["198.51.100.7"] }), "vip-outside-subnet"), []);
  // Another network altogether (adverts on a private network, the VIP on a public one): meant.
  assert.deepEqual(clusterDiagnostics(pair({ vips: ["192.0.2.10/24"] }, { vips: ["192.0.2.10/24"] }), "vip-outside-subnet"), []);
  assert.deepEqual(clusterDiagnostics(pair({ vips: ["10.0.1.10/24 dev eth1"] }, { vips: ["10.0.1.10/24 dev eth1"] }), "vip-outside-subnet"), []);
  // Nodes in different /24s (routed unicast): the interface's subnet cannot be told at /24.
  assert.deepEqual(clusterDiagnostics(pair({ src: "10.0.0.11", peers: ["10.0.9.12"], vips: ["10.0.1.10/24"] }, { src: "10.0.9.12", peers: ["10.0.0.11"], vips: ["10.0.1.10/24"] }), "vip-outside-subnet"), []);
});

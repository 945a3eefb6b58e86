import { test } from "node:test";
import * as assert from "node:assert/strict";
import { pair, clusterDiagnostics, fixAndRecheck } from "./helpers";
import { withCode } from "../helpers";

test("a VIP on one member only: the other member is told which address it lacks", () => {
  const d = clusterDiagnostics(pair({ vips: ["192.0.2.10/24", "192.0.2.11/24"] }, { vips: ["192.0.2.10/24"] }), "vip-mismatch");
  assert.equal(d.length, 1);
  assert.ok(d[0].file.includes("lb-b"));
  assert.match(d[0].message, /lacks 192\.0\.2\.11 \(on lb-a\)/);
  assert.ok(d[0].related?.[0].file.includes("lb-a"));
});

test("both sides lack something: reported on both", () => {
  const d = clusterDiagnostics(pair({ vips: ["192.0.2.10/24", "192.0.2.11/24"] }, { vips: ["192.0.2.10/24", "192.0.2.12/24"] }), "vip-mismatch");
  assert.equal(d.length, 2);
});

test("IPv6 written differently is the same VIP: silent", () => {
  assert.deepEqual(clusterDiagnostics(pair({ vips: ["2001:db8::10/64"] }, { vips: ["2001:0db8:0:0::10/64"] }), "vip-mismatch"), []);
});

test("fix: add the missing VIPs to virtual_ipaddress, with this node's dev", () => {
  const files = pair({ vips: ["192.0.2.10/24 dev eth0", "192.0.2.11/24 dev eth0"] }, { vips: ["192.0.2.10/24 dev ens192"] });
  const { files: fixed, remaining } = fixAndRecheck(files, "vip-mismatch");
  assert.deepEqual(withCode(remaining, "vip-mismatch"), []);
  assert.match(fixed["lb-b/keepalived.conf"], /^        192\.0\.2\.11\/24 dev ens192$/m);
});

test("a VIP line keepalived skips (no valid address: a placeholder, a typo) is not compared", () => {
  assert.deepEqual(clusterDiagnostics(pair({ vips: ["192.0.2.10/24", "{{ vip }}", "192.0.2.300/24"] }, { vips: ["192.0.2.10/24"] }), "vip-mismatch"), []);
  // What keepalived keeps still differs: reported, naming only real addresses.
  const d = clusterDiagnostics(pair({ vips: ["192.0.2.10/24", "VIP_ADDRESS"] }, { vips: ["192.0.2.11/24"] }), "vip-mismatch");
  assert.ok(d.length > 0);
  assert.ok(d.every((x) => !/VIP_ADDRESS/.test(x.message)));
});

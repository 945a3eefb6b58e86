import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, withCode } from "../helpers";

const vi = (body: string) => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 1\n${body}\n}\n`;
const severities = (text: string) => withCode(check(text), "no-virtual-address").map((d) => d.severity);

test("no virtual address: a warning under VRRPv2, an error under v3 or strict mode", () => {
  assert.deepEqual(severities(vi("  priority 100")), ["warning"]);
  assert.deepEqual(severities(vi("  version 3")), ["error"]);
  assert.deepEqual(severities("global_defs {\n  vrrp_version 3\n}\n" + vi("")), ["error"]);
  assert.deepEqual(severities(vi("  strict_mode")), ["error"]);
});

test("an instance with an address is fine", () => {
  assert.deepEqual(severities(vi("  virtual_ipaddress {\n    10.0.0.1\n  }")), []);
});

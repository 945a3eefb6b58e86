import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, linesOf } from "../helpers";

const vi = (body: string, auth = "AH") =>
  `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 1\n  virtual_ipaddress {\n    10.0.0.1\n  }\n  authentication {\n    auth_type ${auth}\n    auth_pass secret\n  }\n${body}\n}\n`;

test("state MASTER with AH authentication starts as BACKUP", () => {
  assert.deepEqual(linesOf(check(vi("  state MASTER\n  priority 100")), "auth-ah-master"), [11]);
});

test("silent for BACKUP, for the address owner and for PASS", () => {
  assert.deepEqual(linesOf(check(vi("  state BACKUP\n  priority 100")), "auth-ah-master"), []);
  assert.deepEqual(linesOf(check(vi("  state MASTER\n  priority 255")), "auth-ah-master"), []);
  assert.deepEqual(linesOf(check(vi("  state MASTER\n  priority 100", "PASS")), "auth-ah-master"), []);
});

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, linesOf } from "../helpers";

const vi = (body: string) => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 1\n  priority 100\n${body}\n}\n`;
const VIPS = "  virtual_ipaddress {\n    10.0.0.1\n  }";

test("vrrp_strict with authentication, unicast peers or preempt_delay", () => {
  const d = check("global_defs {\n  vrrp_strict\n}\n" + vi(`${VIPS}\n  authentication {\n    auth_type PASS\n    auth_pass secret\n  }\n  unicast_peer {\n    10.0.0.2\n  }\n  preempt_delay 5`));
  assert.deepEqual(linesOf(d, "strict-mode-conflict"), [11, 15, 18]);
});

test("strict_mode in the instance", () => {
  const d = check(vi(`${VIPS}\n  strict_mode\n  preempt_delay 5`));
  assert.deepEqual(linesOf(d, "strict-mode-conflict"), [9]);
});

test("silent without strict mode, or when the instance turns it off", () => {
  const body = `${VIPS}\n  authentication {\n    auth_type PASS\n    auth_pass secret\n  }`;
  assert.deepEqual(linesOf(check(vi(body)), "strict-mode-conflict"), []);
  assert.deepEqual(linesOf(check("global_defs {\n  vrrp_strict\n}\n" + vi(`${body}\n  strict_mode off`)), "strict-mode-conflict"), []);
});
